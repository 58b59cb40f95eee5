package store

import "errors"

// ErrConflict is returned by Commit when a patient or encounter changed since
// it was loaded: its stored revision is not the one the document carries, or
// a document committed as new (revision 0) already exists. The caller reloads
// the documents, re-applies its events and commits again.
var ErrConflict = errors.New("store: revision conflict")

// ErrInvalidWrite is wrapped by the errors of a write that cannot be done as
// given: a Batch that fails Batch.Validate, an access entry without id, time
// or subject. Nothing of such a write is stored.
var ErrInvalidWrite = errors.New("store: invalid write")

// MaxDocumentBytes is the largest encoded document a store accepts: MongoDB's
// 16 MiB limit, which both adapters enforce so that they behave alike.
const MaxDocumentBytes = 16 << 20

// ErrDocumentTooLarge is wrapped, together with ErrInvalidWrite, by the
// error of a Commit with a document that encodes to more than
// MaxDocumentBytes; nothing of that Commit is written. Only an encounter can
// grow that large (tens of thousands of record versions in one visit, far
// beyond a real one): the consumer keeps retrying the batch, logging it as
// an error, until an operator intervenes; see package doc.
var ErrDocumentTooLarge = errors.New("store: document too large")

// ErrInvalidQuery is wrapped by the errors of a read whose arguments are out
// of range: a page size outside 1..history.MaxPageSize, a missing patient id,
// a malformed birth date or time bound.
var ErrInvalidQuery = errors.New("store: invalid query")

// ErrInvalidGeneration is wrapped when a generation name is not 1 to 32
// characters of lowercase ASCII letters, digits and '_', starting with a
// letter or digit.
var ErrInvalidGeneration = errors.New("store: invalid generation name")

// ErrUnknownGeneration is returned when activating a generation that was
// never opened (or has been dropped).
var ErrUnknownGeneration = errors.New("store: unknown generation")

// ErrActiveGeneration is returned by DropGeneration for the active
// generation, which readers are using.
var ErrActiveGeneration = errors.New("store: generation is active")
