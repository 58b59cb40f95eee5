package mongostore

import (
	"go.mongodb.org/mongo-driver/bson"

	"github.com/prontuario/prontuario/aggregator/history"
)

// encounterPage is the keyset page query of q, as Encounters builds it.
func encounterPage(q history.EncounterQuery) pageQuery {
	pq := pageQuery{
		filter: append([]bson.D{eq("patientId", q.PatientID)}, period("sortTime", q.From, q.To)...),
		sort:   bson.D{{Key: "sortTime", Value: -1}, {Key: "_id", Value: -1}},
		limit:  q.Limit,
	}
	if a := q.After; a != nil {
		pq.cursor = after("sortTime", a.SortTime, a.ID, "$lt")
	}
	return pq
}
