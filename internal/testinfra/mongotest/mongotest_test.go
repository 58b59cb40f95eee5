package mongotest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"github.com/prontuario/prontuario/internal/testinfra/mongotest"
)

var server *mongotest.Server

func TestMain(m *testing.M) {
	began := time.Now()
	var err error
	server, err = mongotest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "mongotest: %s (FerretDB %v) ready in %s\n", server.URI(), server.IsFerretDB(), time.Since(began).Round(time.Millisecond))
	code := m.Run()
	if err := server.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

func connect(t *testing.T) *mongo.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(server.URI()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	return client
}

type encounter struct {
	ID       string `bson:"_id"`
	Patient  string `bson:"patient"`
	Acuity   int    `bson:"acuity"`
	Revision int    `bson:"revision"`
}

func TestInsertAndFindByID(t *testing.T) {
	t.Parallel()
	coll := connect(t).Database(server.NewDatabaseName(t)).Collection("encounters")
	ctx := t.Context()
	want := encounter{ID: "enc-1", Patient: "patient-1", Acuity: 2, Revision: 1}
	if _, err := coll.InsertOne(ctx, want); err != nil {
		t.Fatal(err)
	}
	var got encounter
	if err := coll.FindOne(ctx, bson.M{"_id": "enc-1"}).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("found %+v, want %+v", got, want)
	}
	err := coll.FindOne(ctx, bson.M{"_id": "enc-2"}).Err()
	if !errors.Is(err, mongo.ErrNoDocuments) {
		t.Errorf("FindOne(missing) = %v, want ErrNoDocuments", err)
	}
	if _, err := coll.InsertOne(ctx, want); !mongo.IsDuplicateKeyError(err) {
		t.Errorf("second insert of enc-1 = %v, want a duplicate key error", err)
	}
}

func TestDatabaseIsDroppedWhenTheTestEnds(t *testing.T) {
	t.Parallel()
	var name string
	t.Run("user", func(t *testing.T) {
		name = server.NewDatabaseName(t)
		if _, err := connect(t).Database(name).Collection("c").InsertOne(t.Context(), bson.M{"_id": 1}); err != nil {
			t.Fatal(err)
		}
	})
	names, err := connect(t).ListDatabaseNames(t.Context(), bson.M{})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(names, name) {
		t.Errorf("database %s still listed after its test ended: %v", name, names)
	}
}
