package chart

import (
	"regexp"
	"strconv"
	"strings"
)

// checkColor reports, in each language, why c is not a colour (nil if it is); c is a colour a Series may have: "#rgb", "#rrggbb",
// "rgb(r, g, b)", "rgba(r, g, b, a)" (r, g, b from 0 to 255 or 0% to 100%; a from 0 to 1)
// or a CSS colour name such as "red". The colour goes into the chart's script and into
// the inline style of its tooltip, so anything else is refused: a typo would make the
// series invisible, and text such as "red;background:url(…)" would make the browser
// load that address.
func checkColor(c string) *text {
	switch {
	case hexColor.MatchString(c):
		return nil
	case cssColorNames[strings.ToLower(c)]:
		return nil
	}
	m := rgbColor.FindStringSubmatch(c)
	if m == nil {
		t := text{"is not a colour: use #rgb, #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a CSS colour name",
			"n'est pas une couleur : écrivez #rgb, #rrggbb, rgb(r, g, b), rgba(r, g, b, a) ou un nom de couleur CSS"}
		return &t
	}
	parts := strings.Split(m[2], ",")
	if want := len(m[1]); len(parts) != want { // "rgb" takes 3 values, "rgba" 4
		t := plainf("has %d values, %s() takes %d", "a %d valeurs, %s() en prend %d", len(parts), m[1], want)
		return &t
	}
	for k, p := range parts {
		p = strings.TrimSpace(p)
		limit := 255.0
		if k == 3 {
			limit = 1
		}
		if s, ok := strings.CutSuffix(p, "%"); ok {
			p, limit = s, 100
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || !(v >= 0 && v <= limit) || !rgbNumber.MatchString(p) {
			t := plainf("value %q of %s() is not a number from 0 to %g", "la valeur %q de %s() n'est pas un nombre de 0 à %g", parts[k], m[1], limit)
			return &t
		}
	}
	return nil
}

var (
	hexColor  = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	rgbColor  = regexp.MustCompile(`^(rgba?)\(([0-9.,% ]*)\)$`)
	rgbNumber = regexp.MustCompile(`^(?:\d+\.?\d*|\.\d+)$`)
)

// cssColorNames are the named colours of CSS (CSS Color Module Level 4), which ECharts
// knows too. "transparent" is left out: it would hide the series.
var cssColorNames = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Fields(`aliceblue antiquewhite aqua aquamarine azure beige
	bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate
	coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen
	darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon
	darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink
	deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
	ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory
	khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
	lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
	lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
	magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
	mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
	mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
	palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
	powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
	seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
	steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
	yellowgreen`) {
		m[name] = true
	}
	return m
}()
