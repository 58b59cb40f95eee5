package encounter

import "math"

// Vitals are the vital signs measured at triage. Each is bounded by what
// a living patient can physiologically present (a heart rate of 0 is an
// arrest, which an ESI 1 triage may record; 400 is a typo).
type Vitals struct {
	heartRate       int // beats/min
	systolic        int // mmHg
	diastolic       int // mmHg
	respiratoryRate int // breaths/min
	temperatureC    float64
	spo2            int // percent
	painScore       int // 0-10
}

// VitalsInput is the raw measurement NewVitals validates.
type VitalsInput struct {
	HeartRate, Systolic, Diastolic, RespiratoryRate int
	TemperatureC                                    float64
	SpO2, PainScore                                 int
}

// NewVitals validates vital signs against physiological limits.
func NewVitals(in VitalsInput) (Vitals, error) {
	var c checker
	c.within("heartRate", in.HeartRate, 0, 300, "beats/min")
	c.within("systolic", in.Systolic, 0, 300, "mmHg")
	c.within("diastolic", in.Diastolic, 0, 250, "mmHg")
	if in.Diastolic > 0 && in.Diastolic >= in.Systolic {
		c.add("diastolic", "must be below the systolic pressure (%d mmHg)", in.Systolic)
	}
	c.within("respiratoryRate", in.RespiratoryRate, 0, 80, "breaths/min")
	if math.IsNaN(in.TemperatureC) || in.TemperatureC < 20 || in.TemperatureC > 46 {
		c.add("temperatureC", "must be between 20 and 46 °C")
	}
	c.within("spo2", in.SpO2, 0, 100, "%")
	c.within("painScore", in.PainScore, 0, 10, "on the 0-10 scale")
	if err := c.err(); err != nil {
		return Vitals{}, err
	}
	return Vitals{
		heartRate: in.HeartRate, systolic: in.Systolic, diastolic: in.Diastolic,
		respiratoryRate: in.RespiratoryRate, temperatureC: in.TemperatureC, spo2: in.SpO2, painScore: in.PainScore,
	}, nil
}

func (c *checker) within(field string, v, low, high int, unit string) {
	if v < low || v > high {
		c.add(field, "must be between %d and %d %s, got %d", low, high, unit, v)
	}
}

// Input returns the measurement as given.
func (v Vitals) Input() VitalsInput {
	return VitalsInput{
		HeartRate: v.heartRate, Systolic: v.systolic, Diastolic: v.diastolic,
		RespiratoryRate: v.respiratoryRate, TemperatureC: v.temperatureC, SpO2: v.spo2, PainScore: v.painScore,
	}
}
