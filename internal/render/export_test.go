package render

// BuiltinStrings lets the end-to-end tests in package render_test know every key of
// the theme's words.
var BuiltinStrings = builtinStrings

// CompiledLayouts are the layouts compiled.go mirrors, by their SHA-256.
func CompiledLayouts() map[string]string { return compiledLayouts }
