package eif
import ("testing";"fmt";"math")
func TestQuick(t *testing.T){
  n := MustNew(Default())
  for _, i := range []float64{0,6,6.888888888888889,7.25,7.3} { fmt.Printf("%v %+v\n", i, n.FixedPoints(i)) }
  T, err := n.Period(10); fmt.Printf("period %.12f %v rate %.8f\n", T, err, n.Rate(10))
  for _, tol := range []float64{1e-6,1e-8,1e-9,1e-10,1e-11} {
    r, err := n.Simulate(Constant(10), -70, 1000, &Settings{RelTol:tol,AbsTol:tol,SpikesOnly:true})
    if err!=nil {t.Fatal(err)}
    s := r.Spikes; isi := s[len(s)-1]-s[len(s)-2]
    fmt.Printf("tol %g isi %.12f relerr %.3g steps %d rej %d spikes %d\n", tol, isi, math.Abs(isi-T)/T, r.Steps, r.Rejected, len(s))
  }
  for _, m := range []Method{Euler, RK4} { for _, dt := range []float64{0.1,0.05,0.02,0.01,0.005,0.002,0.001} {
    r, err := n.Simulate(Constant(10), -70, 200, &Settings{Method:m, Step:dt, SpikesOnly:true})
    if err!=nil {t.Fatal(err)}
    s := r.Spikes; isi := s[len(s)-1]-s[len(s)-2]
    fmt.Printf("%v dt %g isi %.10f relerr %.3g\n", m, dt, isi, math.Abs(isi-T)/T)
  }}
  l := MustNew(DefaultLIF()); TL,_ := l.Period(12)
  r, _ := l.Simulate(Constant(12), -70, 500, nil); s := r.Spikes
  fmt.Printf("LIF %.12f sim %.12f\n", TL, s[len(s)-1]-s[len(s)-2])
  for _, u0 := range []float64{-80,-50,-36.6,-36.4,-35} { r,_ := n.Simulate(Constant(0), u0, 200, nil); fmt.Println(u0, r.Spikes) }
}
