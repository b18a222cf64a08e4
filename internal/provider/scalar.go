package provider

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// The conversion rules of one attribute value, shared by the two readers
// of the inputs: the decoder of tftypes values (resources, data sources)
// and the reader of Terraform's msgpack encoding (functions). Numbers and
// booleans may arrive as strings (csvdecode rows), and an empty string in
// an optional attribute means "not set".

// wireKind is what a value is as it arrived.
type wireKind int

const (
	wString wireKind = iota
	wNumber          // big, or i (isInt) or f (isFloat) on the fast path
	wBool
	wOther // a list or an object where a scalar is expected: s names it
)

type scalar struct {
	k       wireKind
	s       string
	b       bool
	big     *big.Float
	i       int64
	isInt   bool
	f       float64
	isFloat bool
}

// number is the value as a big.Float, for messages and the slow path.
func (sc scalar) number() *big.Float {
	switch {
	case sc.big != nil:
		return sc.big
	case sc.isInt:
		return new(big.Float).SetInt64(sc.i)
	default:
		return big.NewFloat(sc.f)
	}
}

// kindName is the arrived kind for messages: "a string".
func (sc scalar) kindName() string {
	switch sc.k {
	case wString:
		return "a string"
	case wNumber:
		return "a number"
	case wBool:
		return "a bool"
	}
	return sc.s
}

// scalar converts a scalar attribute's value; set is false for empty
// strings in optional attributes and for errors, which it records.
func (d *decoder) scalar(sc scalar, s *attrSpec, where at) (any, bool) {
	if sc.k == wString && sc.s == "" && !s.required {
		return nil, false
	}
	if s.t.isString() {
		if sc.k != wString {
			d.errf(where.String(), "must be a string, got %s", sc.kindName())
			return nil, false
		}
		return sc.s, true
	}
	switch s.t {
	case tInt, tFloat:
		switch sc.k {
		case wNumber:
		case wString:
			parsed, _, err := big.ParseFloat(strings.TrimSpace(sc.s), 10, 256, big.ToNearestEven)
			if err != nil {
				d.errf(where.String(), "%q is not a number", sc.s)
				return nil, false
			}
			sc = scalar{k: wNumber, big: parsed}
		default:
			d.errf(where.String(), "must be a number, got %s", sc.kindName())
			return nil, false
		}
		if s.t == tFloat {
			switch {
			case sc.isInt:
				return float64(sc.i), true
			case sc.isFloat && !math.IsInf(sc.f, 0) && !math.IsNaN(sc.f):
				return sc.f, true
			}
			fl, _ := sc.number().Float64()
			if math.IsInf(fl, 0) || math.IsNaN(fl) {
				d.errf(where.String(), "%s is out of range: not a finite number", sc.number().Text('g', 10))
				return nil, false
			}
			return fl, true
		}
		if sc.isInt {
			return sc.i, true
		}
		f := sc.number()
		if !f.IsInt() {
			d.errf(where.String(), "%s is not a whole number", f.Text('g', -1))
			return nil, false
		}
		i, acc := f.Int64()
		if acc != big.Exact {
			d.errf(where.String(), "%s is out of range", f.Text('g', -1))
			return nil, false
		}
		return i, true
	case tBool:
		switch sc.k {
		case wBool:
			return sc.b, true
		case wString:
			b, err := strconv.ParseBool(strings.TrimSpace(sc.s))
			if err != nil {
				d.errf(where.String(), "%q is not a bool", sc.s)
				return nil, false
			}
			return b, true
		}
		d.errf(where.String(), "must be a bool, got %s", sc.kindName())
		return nil, false
	}
	return nil, false
}
