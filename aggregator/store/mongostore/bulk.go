package mongostore

import (
	"errors"

	"go.mongodb.org/mongo-driver/mongo"
)

// duplicateKeyCode is MongoDB's duplicate key error.
const duplicateKeyCode = 11000

// duplicateKeys splits the error of an unordered bulk write: the indexes of
// the operations that failed only because their _id exists, and any other
// error.
func duplicateKeys(err error) ([]int, error) {
	if err == nil {
		return nil, nil
	}
	var bwe mongo.BulkWriteException
	if !errors.As(err, &bwe) || bwe.WriteConcernError != nil {
		return nil, err
	}
	var indexes []int
	for _, we := range bwe.WriteErrors {
		if we.Code != duplicateKeyCode {
			return nil, err
		}
		indexes = append(indexes, we.Index)
	}
	return indexes, nil
}
