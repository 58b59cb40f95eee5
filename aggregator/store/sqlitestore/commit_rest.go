package sqlitestore

import "fmt"

// writeRest replaces billable sets, inserts audit entries and dead letters
// (ignoring ids already stored) and merges freshness.
func (w *txWriter) writeRest(t tables, r rows) error {
	for _, set := range r.billable {
		if _, err := w.exec(`DELETE FROM `+t.billable+` WHERE encounter_id = ?`, set.encounterID); err != nil {
			return fmt.Errorf("replace billable items of encounter %s: %w", set.encounterID, err)
		}
		for _, it := range set.items {
			_, err := w.exec(`INSERT INTO `+t.billable+` (id, encounter_id, service_date, doc) VALUES (?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET encounter_id = excluded.encounter_id,
				service_date = excluded.service_date, doc = excluded.doc`,
				it.id, set.encounterID, it.serviceDate, it.doc)
			if err != nil {
				return fmt.Errorf("write billable item %s: %w", it.id, err)
			}
		}
	}
	for _, a := range r.audit {
		_, err := w.exec(`INSERT INTO `+t.audit+` (event_id, patient_id, occurred_at, source, doc) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (event_id) DO NOTHING`, a.eventID, a.patientID, a.occurredAt, a.source, a.doc)
		if err != nil {
			return fmt.Errorf("write audit entry %s: %w", a.eventID, err)
		}
	}
	for _, d := range r.deadLetters {
		_, err := w.exec(`INSERT INTO `+t.deadLetters+` (id, source, doc) VALUES (?, ?, ?)
			ON CONFLICT (id) DO NOTHING`, d.id, d.source, d.doc)
		if err != nil {
			return fmt.Errorf("write dead letter %s: %w", d.id, err)
		}
	}
	for _, f := range r.freshness {
		if err := w.mergeFreshness(t, f); err != nil {
			return fmt.Errorf("merge freshness of %s: %w", f.source, err)
		}
	}
	return nil
}

// mergeFreshness keeps the later times (time keys sort in time order) and
// the higher offset per partition.
func (w *txWriter) mergeFreshness(t tables, f freshnessRow) error {
	_, err := w.exec(`INSERT INTO `+t.freshness+` (source, newest_event_time, newest_applied_at) VALUES (?, ?, ?)
		ON CONFLICT (source) DO UPDATE SET
		newest_event_time = max(newest_event_time, excluded.newest_event_time),
		newest_applied_at = max(newest_applied_at, excluded.newest_applied_at)`,
		f.source, f.newestEventTime, f.newestAppliedAt)
	if err != nil {
		return err
	}
	for partition, offset := range f.offsets {
		_, err := w.exec(`INSERT INTO `+t.offsets+` (source, partition, last_offset) VALUES (?, ?, ?)
			ON CONFLICT (source, partition) DO UPDATE SET last_offset = max(last_offset, excluded.last_offset)`,
			f.source, partition, offset)
		if err != nil {
			return err
		}
	}
	return nil
}
