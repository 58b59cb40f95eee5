package mongostore

import "github.com/prontuario/prontuario/aggregator/history"

// patientDoc is a stored patient: the history document plus what name
// search and conflict reports need.
type patientDoc struct {
	history.Patient `bson:",inline"`
	// NamePrefixes are every prefix of every normalized word of the name
	// (package namesearch): a query word matches by equality, through a
	// multikey index, the same way on MongoDB and FerretDB.
	NamePrefixes []string `bson:"namePrefixes"`
	// CommitID identifies the Commit that wrote the document, to tell which
	// documents of a bulk write lost to another writer.
	CommitID string `bson:"commitId"`
}

// encounterDoc is a stored encounter.
type encounterDoc struct {
	history.Encounter `bson:",inline"`
	CommitID          string `bson:"commitId"`
}

// auditDoc is a stored audit entry, keyed by its event id.
type auditDoc struct {
	EventID            string `bson:"_id"`
	history.AuditEntry `bson:",inline"`
}

// freshnessDoc is a source's stored freshness, merged by read-modify-write
// with its revision in the replace's filter (no $max: see the package doc).
type freshnessDoc struct {
	history.SourceFreshness `bson:",inline"`
	Revision                int64 `bson:"revision"`
}

// generationDoc registers a generation whose collections exist.
type generationDoc struct {
	Name      string `bson:"_id"`
	CreatedAt string `bson:"createdAt"`
}

// activeDoc, under _id "active" in meta, names the active generation.
type activeDoc struct {
	ID         string `bson:"_id"`
	Generation string `bson:"generation"`
}
