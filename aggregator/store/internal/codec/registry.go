package codec

import (
	"bytes"
	"fmt"
	"reflect"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/bsoncodec"
	"go.mongodb.org/mongo-driver/bson/bsonrw"
)

var timeType = reflect.TypeOf(time.Time{})

// NewRegistry returns the driver's default BSON registry with time.Time
// encoded as a TimeKey string. Values of time.Time inside filters are
// encoded the same way, so a client built with this registry compares
// stored times with query bounds correctly. Decoding also accepts a BSON
// datetime (written by other tools) and null (the zero time).
func NewRegistry() *bsoncodec.Registry {
	r := bson.NewRegistry()
	r.RegisterTypeEncoder(timeType, bsoncodec.ValueEncoderFunc(encodeTime))
	r.RegisterTypeDecoder(timeType, bsoncodec.ValueDecoderFunc(decodeTime))
	return r
}

func encodeTime(_ bsoncodec.EncodeContext, vw bsonrw.ValueWriter, val reflect.Value) error {
	if !val.IsValid() || val.Type() != timeType {
		return bsoncodec.ValueEncoderError{Name: "encodeTime", Types: []reflect.Type{timeType}, Received: val}
	}
	key, err := TimeKey(val.Interface().(time.Time))
	if err != nil {
		return err
	}
	return vw.WriteString(key)
}

func decodeTime(_ bsoncodec.DecodeContext, vr bsonrw.ValueReader, val reflect.Value) error {
	if !val.CanSet() || val.Type() != timeType {
		return bsoncodec.ValueDecoderError{Name: "decodeTime", Types: []reflect.Type{timeType}, Received: val}
	}
	var t time.Time
	switch vr.Type() {
	case bson.TypeString:
		s, err := vr.ReadString()
		if err != nil {
			return err
		}
		if t, err = ParseTimeKey(s); err != nil {
			return err
		}
	case bson.TypeDateTime:
		ms, err := vr.ReadDateTime()
		if err != nil {
			return err
		}
		t = time.UnixMilli(ms).UTC()
	case bson.TypeNull:
		if err := vr.ReadNull(); err != nil {
			return err
		}
	default:
		return fmt.Errorf("cannot decode BSON %s into a time", vr.Type())
	}
	val.Set(reflect.ValueOf(t))
	return nil
}

// Codec marshals documents to BSON bytes and back with a registry from
// NewRegistry. It is safe for concurrent use.
type Codec struct {
	registry *bsoncodec.Registry
}

// New returns a Codec using NewRegistry.
func New() Codec { return Codec{registry: NewRegistry()} }

// Registry is the codec's registry, for a MongoDB client.
func (c Codec) Registry() *bsoncodec.Registry { return c.registry }

// Marshal encodes v (a struct or map) as a BSON document.
func (c Codec) Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	vw, err := bsonrw.NewBSONValueWriter(&buf)
	if err != nil {
		return nil, err
	}
	enc, err := bson.NewEncoder(vw)
	if err != nil {
		return nil, err
	}
	if err := enc.SetRegistry(c.registry); err != nil {
		return nil, err
	}
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	return buf.Bytes(), nil
}

// Unmarshal decodes the BSON document data into v, a pointer.
func (c Codec) Unmarshal(data []byte, v any) error {
	dec, err := bson.NewDecoder(bsonrw.NewBSONDocumentReader(data))
	if err != nil {
		return err
	}
	if err := dec.SetRegistry(c.registry); err != nil {
		return err
	}
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode %T: %w", v, err)
	}
	return nil
}
