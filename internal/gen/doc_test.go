package main

import (
	"encoding/json"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDocText checks the conversion of documentation HTML to doc comment text.
func TestDocText(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank", " \n\t ", ""},
		{"plain", "Specify the AAC profile.", "Specify the AAC profile."},
		{"plain whitespace", "  One\n   two\t\tthree  ", "One two three."},
		{"plain XML is text", `Adds <Accessibility schemeIdUri="urn:x" value="caption"/> to the manifest.`,
			`Adds <Accessibility schemeIdUri="urn:x" value="caption"/> to the manifest.`},
		{"plain angle placeholder", `Use "Caption Selector <N>" here.`, `Use "Caption Selector <N>" here.`},
		{"plain entities", "a &amp; b &lt;c&gt;", "a & b <c>"},
		{"paragraph", "<p>Hello, world.</p>", "Hello, world."},
		{"paragraphs", "<p>One.</p><p>Two.</p>\n<p>Three.</p>", "One.\n\nTwo.\n\nThree."},
		{"text before paragraph", "Intro.<p>Body.</p>Tail.", "Intro.\n\nBody.\n\nTail."},
		{"empty paragraphs", "<p></p><p> </p><p>x.</p><p/>", "x."},
		{"heavy whitespace", "<p>\n            The  name\n\n      of the\t job.\n        </p>\n   ", "The name of the job."},
		{"upper case tags", "<P>One.</P><P CLASS=x>Two.</p>", "One.\n\nTwo."},
		{"inline", "<p>Set <code>Mode</code> to <b>ON</b>, <i>not</i> <em>OFF</em> or <strong>AUTO</strong>.</p>",
			"Set Mode to ON, not OFF or AUTO."},
		{"inline spacing", "<p><code>a</code><b> b </b>c</p>", "a b c"},
		{"br", "<p>One.<br>Two.<br/>Three.<BR />Four.</p>", "One.\n\nTwo.\n\nThree.\n\nFour."},
		{"absolute link", `<p>See <a href="https://example.com/x">the guide</a>.</p>`, "See the guide (https://example.com/x)."},
		{"link single quotes", `<p>See <a class='c' href='http://example.com'>it</a>.</p>`, "See it (http://example.com)."},
		{"relative link", `<p>See <a href="/x/y.html">the guide</a>.</p>`, "See the guide."},
		{"link text is URL", `<p>See <a href="https://example.com">https://example.com</a>.</p>`, "See https://example.com."},
		{"link without text", `<p>See <a href="https://example.com"></a>.</p>`, "See https://example.com."},
		{"link without href", `<p>See <a>this</a>.</p>`, "See this."},
		{"link spaces", "<p>See<a href=\"https://e.com\"> the\n   guide </a>now.</p>", "See the guide (https://e.com) now."},
		{"link entity in href", `<a href="https://e.com/?a=1&amp;b=2">q</a>`, "q (https://e.com/?a=1&b=2)"},
		{"ul", "<p>Values:</p><ul><li><p>A</p></li><li>B</li></ul><p>After.</p>",
			"Values:\n\n  - A\n  - B\n\nAfter."},
		{"ol", "<p>Steps:</p><ol><li>One</li><li>Two</li><li>Three</li></ol>",
			"Steps:\n\n 1. One\n 2. Two\n 3. Three"},
		{"ol to ten", "<p>N:</p><ol>" + strings.Repeat("<li>x</li>", 10) + "</ol>",
			"N:\n\n 1. x\n 2. x\n 3. x\n 4. x\n 5. x\n 6. x\n 7. x\n 8. x\n 9. x\n 10. x"},
		{"item paragraphs", "<p>L:</p><ul><li><p>First.</p><p>Second.</p></li><li>\n  <p>\n Third. </p>\n</li></ul>",
			"L:\n\n  - First. Second.\n  - Third."},
		{"nested list", "<p>L:</p><ul><li>A<ul><li>A1</li><li>A2</li></ul></li><li>B</li></ul>",
			"L:\n\n  - A\n  - A1\n  - A2\n  - B"},
		{"nested ol in ul", "<p>L:</p><ul><li>A<ol><li>A1</li></ol>rest of A</li></ul>",
			"L:\n\n  - A\n  - A1\n  - rest of A"},
		{"adjacent lists", "<p>L:</p><ol><li>A</li></ol><ul><li>B</li></ul><p>End.</p>",
			"L:\n\n 1. A\n 2. B\n\nEnd."},
		{"list only", "<ul><li>A</li><li>B</li></ul>", "- A\n\n- B"},
		{"ol only", "<ol><li>A</li><li>B</li></ol>", "1. A\n\n2. B"},
		{"note", "<p>Deletes it.</p><note><p>You can't undo this.</p></note>", "Deletes it.\n\nNote: You can't undo this."},
		{"important", "<important>\n  <p>Be careful.</p>\n</important><p>More.</p>", "Important: Be careful.\n\nMore."},
		{"important with link", `<important><a href="https://e.com">Read</a> this.</important>`, "Important: Read (https://e.com) this."},
		{"empty note", "<p>A.</p><note> </note><p>B.</p>", "A.\n\nB."},
		{"note in item", "<p>L:</p><ul><li><p>A.</p><important><p>B.</p></important></li></ul>",
			"L:\n\n  - A. Important: B."},
		{"entities", "<p>&amp; &lt; &gt; &quot; &apos; &#39; a&nbsp;b &#123; &#x41;&#X42; &#xe9;</p>", `& < > " ' ' a b { AB é`},
		{"unknown entities", "<p>&copy; &foo; &#xZZ; &#; &#0; &#xD800; & x &amp</p>", "&copy; &foo; &#xZZ; &#; &#0; &#xD800; & x &amp"},
		{"entity is not markup", "<p>&lt;p&gt; is a tag</p>", "<p> is a tag"},
		{"literal less than", "<p>If x<0 or a < b or 1<=2, <n or <1 or <-, and <> or <.</p>",
			"If x<0 or a < b or 1<=2, <n or <1 or <-, and <> or <."},
		{"unterminated tag", "<p>a <b c</p>", "a <b c"},
		{"unterminated comment", "<p>a <!-- b</p>", "a <!-- b"},
		{"unknown tags", "<fullname>AWS Thing</fullname>\n<p>The <foo bar=\"1\">thing</foo> <x-y/>here.</p>",
			"AWS Thing.\n\nThe thing here."},
		{"comments", "<p>a<!-- hidden <p> --> b</p><!---->", "a b"},
		{"quoted >", `<p><a href="https://e.com/?a>b">x</a></p>`, "x (https://e.com/?a>b)"},
		{"pre", "<p>Example:</p><pre>\n  {\n    \"a\": 1\n  }\n</pre><p>Done.</p>",
			"Example:\n\n\t{\n\t  \"a\": 1\n\t}\n\nDone."},
		{"pre with tags and blank lines", "<p>E:</p><pre><code>a &lt; b</code>\n\n  c  <br>d</pre>",
			"E:\n\n\ta < b\n\n\t  c\n\td"},
		{"pre only", "<pre>  x := 1\n  y := 2</pre>", "x := 1\n\ny := 2"},
		{"pre like a list", "<p>E:</p><pre>- a\n- b</pre>", "E:\n\n- a\n\n- b"},
		{"pre after list", "<p>E:</p><ul><li>a</li></ul><pre>code</pre>", "E:\n\n  - a\n\ncode"},
		{"heading-like last paragraph", "<p>Caption Language Mapping</p>", "Caption Language Mapping."},
		{"blocks", "<p>A</p><div>B</div><h2>C</h2><dl><dt>D</dt><dd>E</dd></dl>", "A.\n\nB.\n\nC.\n\nD.\n\nE."},
		{"heading-like paragraph", "<p>Supported languages</p><p>Many.</p>", "Supported languages.\n\nMany."},
		{"heading-like before list", "<p>Values</p><ul><li>A</li></ul>", "Values\n\n  - A"},
		{"not heading-like", "<p>Use these:</p><p>the rest</p><p>Item 1, (a)</p><p>x.</p>",
			"Use these:\n\nthe rest\n\nItem 1, (a)\n\nx."},
		{"doubled quotes", "<p>You can''t use ''x'' or ``y``.</p>", "You can't use ”x” or “y“."},
		{"backquote runs", "<p>```json``` `a` `````</p>", "`json` `a` `"},
		{"link definition", "<p>[docs]: https://example.com</p>", "[docs]:https://example.com"},
		{"not a link definition", "<p>[docs]: see below</p>", "[docs]: see below"},
		{"unicode spaces", "<p>a\u00a0b\u2003c\u2028d\re</p>", "a b c d e"},
		{"invalid source characters", "<p>a\x00b\ufeffc\xffd</p>", "abc\ufffdd"},
		{"unclosed elements", "<p>A<ul><li>B", "A\n\n  - B"},
		{"stray end tags", "</ul></li></a></note></pre><p>a</p>", "a"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, docText(tt.in))
		})
	}
}

// TestComment checks wrapping and comment markers.
func TestComment(t *testing.T) {
	for _, tt := range []struct {
		name, indent, text string
		width              int
		want               string
	}{
		{"empty", "", "", 20, ""},
		{"short", "", "Hello.", 20, "// Hello."},
		{"indent", "\t", "Hello.\n\nWorld.", 20, "\t// Hello.\n\t//\n\t// World."},
		{"wrap", "", "The quick brown fox jumps over the lazy dog.", 15,
			"// The quick brown\n// fox jumps over\n// the lazy dog."},
		{"exactly width", "", "aaaa bbbb cccc", 9, "// aaaa bbbb\n// cccc"},
		{"one over width", "", "aaaa bbbbb cccc", 9, "// aaaa\n// bbbbb\n// cccc"},
		{"long word", "", "a https://example.com/a/very/long/path b", 10,
			"// a\n// https://example.com/a/very/long/path\n// b"},
		{"runes not bytes", "", "éééé éééé", 9, "// éééé éééé"},
		{"bullet hanging indent", "", "  - one two three four five", 14,
			"//   - one two\n//     three four\n//     five"},
		{"numbered hanging indent", "", " 1. one two three four five\n 10. six seven eight", 14,
			"//  1. one two\n//     three four\n//     five\n//  10. six seven\n//     eight"},
		{"list between paragraphs", "", "A:\n\n  - x\n  - y\n\nB.", 20, "// A:\n//\n//   - x\n//   - y\n//\n// B."},
		{"code never wrapped", "", "Ex:\n\n\tfor i := 0; i < 10; i++ {\n\n\t}", 5,
			"// Ex:\n//\n//\tfor i := 0; i < 10; i++ {\n//\n//\t}"},
		{"no heading at line start", "", "The number of retries # of the job", 17,
			"// The number of\n// retries # of the\n// job"},
		{"no list marker at line start", "", "  - one - two 3. four", 11,
			"//   - one -\n//     two 3.\n//     four"},
		{"marker glued to previous word", "", "  - aaaaa bbbbb - c", 13,
			"//   - aaaaa\n//     bbbbb - c"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, comment(tt.indent, tt.text, tt.width))
		})
	}
}

// TestDocCommentWidth checks that wrapped lines stay within the width unless
// they hold a single unit that is too long.
func TestDocCommentWidth(t *testing.T) {
	text := docText(`<p>Specifies the <a href="https://docs.aws.amazon.com/x">language</a> of the media.</p>` +
		`<ul><li><p>Use <code>en-US</code> for US English, and remember that the value is case sensitive.</p></li></ul>`)
	for _, line := range strings.Split(comment("", text, 30), "\n") {
		body := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if len([]rune(body)) > 30 {
			require.NotContains(t, strings.TrimSpace(body), " ", "line %q", line)
		}
	}
}

// docModelsDir returns the directory of the Smithy models, or skips the test.
func docModelsDir(t *testing.T) string {
	dir := os.Getenv("MEDIATRAIL_MODELS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "models")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Skipf("no Smithy models at %s (set MEDIATRAIL_MODELS)", dir)
	}
	return dir
}

// docStrings returns the distinct values of all smithy.api#documentation
// traits in the models in dir, sorted.
func docStrings(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "smithy.api#documentation" {
					seen[s] = true
				} else {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(data, &v), f)
		walk(v)
	}
	docs := make([]string, 0, len(seen))
	for s := range seen {
		docs = append(docs, s)
	}
	sort.Strings(docs)
	return docs
}

// docGofmt puts the comment c on a top-level declaration and returns that
// source and the source as gofmt formats it.
func docGofmt(c string) (src, formatted string, err error) {
	src = "package p\n\n" + c + "\nvar X int\n"
	if c == "" {
		src = "package p\n\nvar X int\n"
	}
	out, err := format.Source([]byte(src))
	return src, string(out), err
}

// requireGofmtStable requires gofmt to keep the comment c as it is.
func requireGofmtStable(t testing.TB, c string, msgAndArgs ...any) {
	t.Helper()
	src, got, err := docGofmt(c)
	require.NoError(t, err, msgAndArgs...)
	require.Equal(t, src, got, msgAndArgs...)
}

// docTrickyInputs are documentation strings that could turn into other doc
// comment syntax than intended: headings, lists, code blocks, link
// definitions, quotes, and characters Go source does not allow.
var docTrickyInputs = []string{
	"<p>a\x01b\x7fc\x1bd</p><pre>x\x01\fy\v z\n\x1b</pre><p>e</p>", "a\x00b\ufeffc\xff",
	"<p>x</p><pre>\u00a0- a\nb</pre>", "<p>x</p><pre>-\ta\nb</pre>", "<p>x</p><pre>\fa\n b</pre>",
	"<p># Heading</p><p>x</p>", "<p># a b c d e f g h i j k l m n o p q r s t u v w x y z</p>",
	"<p>[a]: http://b [c]: http://d</p>", "<ul><li>[a]: http://b</li></ul><p>x</p>",
	"<p>x</p><ul><li>a ''b'' ``c``</li></ul>", "<p>http://a.com/x''y ``z</p>", "<p>a `````` b ```` c</p>", "00```0```",
	"<p>x</p><pre>}</pre><p>}</p>", "<p>{</p><pre>x</pre>", "<p>a\\</p><pre>x</pre>",
	"<p>A</p><p>B</p><p>C</p>", "<p>Élan</p><p>x</p>", "<p>x</p><ol><li>1. a</li><li>- b</li></ol>",
	"<p>go:build x</p>", "<p>line 1</p>", "<p>//go:generate x</p>", "<p>x */ y /* z</p>",
	"<p>x</p><pre>\t\ta\n\t\tb</pre>", "<p>x</p><pre>  a\n\tb</pre>", "<p>x</p><pre>a\n\n\n\nb</pre>",
	"<p>1. x</p><p>- y</p>", "<p>x</p><ul><li>a</li></ul><ul><li>b</li></ul>",
	"<p>x</p><ul><li>a</li><li></li><li>b</li></ul>", "<p>[os]</p><p>[x]</p>",
	"<p>x</p><pre>\u2028a</pre>", "<p>a\u0085b</p>", "<p>a - b * c + d • e 1. f 2) g # h</p>",
	"<ul><li>a - b * c + d • e 1. f 2) g # h</li></ul>", "<pre>a</pre>", "<ol><li>a</li></ol><pre>b</pre>",
}

// TestDocCommentGofmt checks that gofmt keeps the comments made from
// docTrickyInputs at several widths.
func TestDocCommentGofmt(t *testing.T) {
	for _, in := range docTrickyInputs {
		for _, width := range []int{1, 5, 20, 77} {
			requireGofmtStable(t, comment("", docText(in), width), "input %q, width %d", in, width)
		}
	}
}

// TestDocCommentModels checks that gofmt keeps the comments made from every
// documentation string of the models, at two widths, and that the text has
// no leading, trailing or doubled blank lines or trailing spaces.
func TestDocCommentModels(t *testing.T) {
	docs := docStrings(t, docModelsDir(t))
	require.Greater(t, len(docs), 1000)
	start := time.Now()
	for _, doc := range docs {
		text := docText(doc)
		require.NotEmpty(t, text, "doc %q", doc)
		require.Equal(t, strings.TrimSpace(text), text, "doc %q", doc)
		require.NotContains(t, text, "\n\n\n", "doc %q", doc)
		require.NotContains(t, text, "<p>", "doc %q", doc)
		for _, line := range strings.Split(text, "\n") {
			require.Equal(t, strings.TrimRight(line, " \t"), line, "doc %q", doc)
		}
		for _, width := range []int{77, 40} {
			requireGofmtStable(t, comment("", text, width), "doc %q, width %d", doc, width)
		}
	}
	t.Logf("%d documentation strings in %v", len(docs), time.Since(start))
}

// FuzzDocText checks that docText and comment do not panic, and that the
// comments they make are valid Go that gofmt keeps as it is.
func FuzzDocText(f *testing.F) {
	for _, s := range []string{
		"", "plain text", "<p>a</p><ul><li>b<ol><li>c</li></ol></li></ul>", "<pre>\n  x\n\ty\n</pre>",
		`<a href="https://e.com">e</a> &amp; &#x41; x<0 <!-- c -->`, "<note><p>n</p></note><important>i</important>",
		"<p>Title</p><p>Body</p>", "<p>[a]: http://b</p>", "can''t ``x``", "<p>a # b - c 1. d</p>",
		"<ul><li>- x</li></ul><pre>1. y</pre>",
	} {
		f.Add(s, 20)
	}
	for _, s := range docTrickyInputs {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, html string, width int) {
		width = width%100 + 1
		if width < 1 {
			width += 100
		}
		text := docText(html)
		c := comment("", text, width)
		_ = comment("\t", html, width)
		requireGofmtStable(t, c, "input %q, width %d", html, width)
	})
}
