// Package rebuild replays every domain topic from the beginning into a new
// generation of the read model while the live one keeps serving, and switches
// readers to it once it has caught up.
//
// The live aggregator writes to whichever generation is active (its store
// resolves the active generation once per batch, so a batch loads and
// commits in the same one: pipeline.GenerationBinder), so the switch must
// not lose what the live aggregator applied around it. The rebuild
// therefore:
//
//  1. consumes, with a fresh consumer group, into generation G until its
//     committed offsets reach the topics' end offsets taken at the start;
//  2. goes on until it also reaches the live group's committed offsets;
//  3. activates G: readers and the live aggregator move to it;
//  4. goes on until it reaches the live group's committed offsets read after
//     the switch, so every event the live aggregator applied to the old
//     generation before moving is in G too (applying an event twice is
//     harmless: the projection is idempotent);
//  5. stops; the old generation is dropped only after all of that succeeded.
package rebuild
