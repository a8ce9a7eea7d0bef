// explorer.js connects the explorer's sliders and Done button to the cell's Go program
// through GoNB's connection to the page (globalThis.gonb_comm), or on the course website
// to the page's own copy of package explore (globalThis.eif_explorer_comm): at every
// change it sends "I-position Δ_T-position done" to the address addr, where done is 1
// after the button and 2 under Run All. package explore's controls declare root (the
// controls' element), addr, comm (the name of the global connection) and show (the texts
// of the values the sliders show, %s for the number, the decimal sign, and the value of
// one step of each slider) before it, in one function.
var start = Date.now(), done = 0;
// Under Run All the cells after this one wait, marked [*]: end at once so they run.
function underRunAll() {
  var cell = root.closest(".jp-Cell");
  for (var c = cell && cell.nextElementSibling; c; c = c.nextElementSibling) {
    var prompt = c.querySelector(".jp-InputPrompt");
    if (c.classList.contains("jp-CodeCell") && prompt && prompt.textContent.indexOf("*") >= 0) return true;
  }
  return false;
}
function connect() {
  var conn = globalThis[comm];
  if (!root || !root.isConnected) return;
  if (!conn) { if (Date.now() - start < 20000) setTimeout(connect, 100); return; }
  var sliders = root.querySelectorAll("input"), shown = root.querySelectorAll(".eif-slider-value");
  function value(text, v) { return text.replace("%s", v.replace(".", show.decimal)); }
  function showValues() {
    shown[0].textContent = value(show.i, (show.iStep * sliders[0].value).toFixed(2));
    shown[1].textContent = value(show.deltaT, (show.deltaTStep * sliders[1].value).toFixed(1));
  }
  function send() { showValues(); conn.send(addr, sliders[0].value + " " + sliders[1].value + " " + done); }
  if (underRunAll()) { done = 2; send(); return; }
  sliders.forEach(function (s) { s.addEventListener("input", send); });
  var button = root.querySelector("button");
  if (button) button.addEventListener("click", function () { done = 1; send(); });
  send();
}
connect();
