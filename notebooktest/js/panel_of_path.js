// panelOfPath() is the panel of the open notebook (lib.js's panel), for the
// tests that need it inside a longer expression.
() => panel()
