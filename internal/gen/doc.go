package main

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// docText converts the HTML of a Smithy documentation trait to the text of a
// Go doc comment (https://go.dev/doc/comment), without comment markers.
//
// The text has one line per paragraph, one line per list item ("  - item" or
// " 1. item", the forms gofmt prints) and tab-indented code lines, with blocks
// separated by single blank lines. A string without any of the HTML tags the
// models use (most MediaConvert documentation is plain text that shows XML
// such as <Accessibility ...> or <N>) is read as plain text.
func docText(html string) string {
	html = strings.ToValidUTF8(html, "\uFFFD")
	html = strings.NewReplacer("\x00", "", "\uFEFF", "").Replace(html) // not allowed in Go source
	toks := docTokens(html)
	var b docBuilder
	if !docIsHTML(toks) {
		b.text(docDecode(html))
	} else {
		for _, t := range toks {
			b.token(t)
		}
	}
	b.end()
	return docRender(docFix(b.blocks))
}

// comment formats text as returned by docText as a Go comment block: every
// line starts with indent + "// " (or indent + "//" for blank lines), and
// paragraphs and list items are wrapped so that the text after "// " is at
// most width columns (a single word longer than width stays on its own line).
// It returns "" for empty text. The result ends without a newline.
//
// Code lines (starting with a tab) are written as indent + "//" + line, the
// way gofmt writes them, and never wrapped. List item continuation lines are
// indented by four spaces, as gofmt indents them.
func comment(indent, text string, width int) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.HasPrefix(line, "\t") {
			out = append(out, indent+"//"+line)
			continue
		}
		marker, rest := docItemMarker(line)
		next := "" // continuation lines of list items are indented by 4 spaces
		if marker != "" {
			next = "    "
		}
		for _, l := range docWrap(rest, marker, next, width) {
			if l == "" {
				out = append(out, indent+"//")
			} else {
				out = append(out, indent+"// "+l)
			}
		}
	}
	return strings.Join(out, "\n")
}

// docItemMarker splits a line of docText output into its list item marker
// ("  - " or " 12. ") and the item text. For other lines the marker is "".
func docItemMarker(line string) (marker, rest string) {
	if strings.HasPrefix(line, "  - ") {
		return line[:4], line[4:]
	}
	if len(line) > 1 && line[0] == ' ' {
		n := 1
		for n < len(line) && '0' <= line[n] && line[n] <= '9' {
			n++
		}
		if n > 1 && strings.HasPrefix(line[n:], ". ") {
			return line[:n+2], line[n+2:]
		}
	}
	return "", line
}

// docWrap wraps the words of s greedily into lines of at most width runes,
// the first line starting with first and the others with next. A word that
// gofmt would read as a heading or list marker at the start of a line ("#",
// "-", "1." and the like) is kept on the line of the word before it. An empty
// s gives one empty line.
func docWrap(s, first, next string, width int) []string {
	var units []string
	words := strings.Fields(s)
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && docNoLineStart(words[j]) {
			j++
		}
		units = append(units, strings.Join(words[i:j], " "))
		i = j
	}
	if len(units) == 0 {
		return []string{strings.TrimRight(first, " ")}
	}
	var lines []string
	line := []string{first + units[0]} // units of the current line
	n := utf8.RuneCountInString(line[0])
	for _, u := range units[1:] {
		un := utf8.RuneCountInString(u)
		if n+1+un <= width {
			line, n = append(line, u), n+1+un
			continue
		}
		lines = append(lines, strings.Join(line, " "))
		line, n = []string{next + u}, utf8.RuneCountInString(next)+un
	}
	return append(lines, strings.Join(line, " "))
}

// docNoLineStart reports whether a line of a paragraph or list item must not
// start with word w: "#" would start a heading, and bullets or numbers
// followed by a period or parenthesis would start list items.
func docNoLineStart(w string) bool {
	switch w {
	case "#", "-", "*", "+", "•":
		return true
	}
	n := 0
	for n < len(w) && '0' <= w[n] && w[n] <= '9' {
		n++
	}
	return n > 0 && n == len(w)-1 && (w[n] == '.' || w[n] == ')')
}

// A docToken is a piece of documentation HTML: text, a start or end tag, or
// a comment.
type docToken struct {
	kind docTokenKind
	text string // decoded text, for docTextTok
	name string // lower-case tag name, for docStart and docEnd
	href string // decoded href attribute, for docStart
	self bool   // whether a start tag is self-closing (<br/>)
}

// docTokenKind is the kind of a docToken.
type docTokenKind int

const (
	docTextTok docTokenKind = iota
	docStart
	docEnd
	docComment
)

// docTokens splits HTML into tokens. A "<" that does not begin a complete
// tag or comment is text.
func docTokens(s string) []docToken {
	var toks []docToken
	text := func(t string) {
		if t != "" {
			toks = append(toks, docToken{kind: docTextTok, text: docDecode(t)})
		}
	}
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			text(s)
			break
		}
		text(s[:i])
		s = s[i:]
		if tok, n := docTag(s); n > 0 {
			toks = append(toks, tok)
			s = s[n:]
		} else {
			text("<")
			s = s[1:]
		}
	}
	return toks
}

// docTag parses the tag or comment at the start of s, which starts with "<".
// It returns the token and its length in bytes, or a zero length when s does
// not start with a tag: "<" not followed by a letter, "/" and a letter, or
// "!--", or a tag without its closing ">" (or with another "<" before it).
func docTag(s string) (docToken, int) {
	if strings.HasPrefix(s, "<!--") {
		end := strings.Index(s[4:], "-->")
		if end < 0 {
			return docToken{}, 0
		}
		return docToken{kind: docComment}, 4 + end + 3
	}
	tok := docToken{kind: docStart}
	i := 1
	if strings.HasPrefix(s, "</") {
		tok.kind, i = docEnd, 2
	}
	isLetter := func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
	if i >= len(s) || !isLetter(s[i]) {
		return docToken{}, 0
	}
	start := i
	for i < len(s) && (isLetter(s[i]) || '0' <= s[i] && s[i] <= '9' || strings.IndexByte("-_:.", s[i]) >= 0) {
		i++
	}
	tok.name = strings.ToLower(s[start:i])
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	skip := func() {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	for {
		skip()
		switch {
		case i >= len(s) || s[i] == '<':
			return docToken{}, 0
		case s[i] == '>':
			return tok, i + 1
		case strings.HasPrefix(s[i:], "/>"):
			tok.self = true
			return tok, i + 2
		case s[i] == '/':
			i++
			continue
		}
		// An attribute: name, optionally = and a quoted or unquoted value.
		start := i
		for i < len(s) && !isSpace(s[i]) && strings.IndexByte("=>/<", s[i]) < 0 {
			i++
		}
		name := strings.ToLower(s[start:i])
		skip()
		if i >= len(s) || s[i] != '=' {
			continue
		}
		i++
		skip()
		var value string
		if i < len(s) && (s[i] == '"' || s[i] == '\'') {
			end := strings.IndexByte(s[i+1:], s[i])
			if end < 0 {
				return docToken{}, 0
			}
			value, i = s[i+1:i+1+end], i+1+end+1
		} else {
			start := i
			for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '<' {
				i++
			}
			value = s[start:i]
		}
		if name == "href" && tok.kind == docStart {
			tok.href = docDecode(value)
		}
	}
}

// docKnownTags are the HTML elements that docText interprets. A string with
// none of them (and no comment) is plain text.
var docKnownTags = map[string]bool{
	"p": true, "br": true, "div": true, "code": true, "b": true, "i": true, "em": true,
	"strong": true, "a": true, "ul": true, "ol": true, "li": true, "note": true,
	"important": true, "dl": true, "dt": true, "dd": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// docIsHTML reports whether toks contain a known tag or a comment.
func docIsHTML(toks []docToken) bool {
	for _, t := range toks {
		if t.kind == docComment || t.kind != docTextTok && docKnownTags[t.name] {
			return true
		}
	}
	return false
}

// docEntities are the named character references docDecode knows.
var docEntities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'", "nbsp": "\u00a0",
}

// docDecode replaces character references (&amp;, &#39;, &#x1F;) in s.
// Unknown references, and numeric ones that are not valid in Go source, stay
// as written.
func docDecode(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		end := strings.IndexByte(s, ';')
		if end < 0 {
			b.WriteString(s)
			return b.String()
		}
		ref, repl := s[1:end], ""
		if v, ok := docEntities[ref]; ok {
			repl = v
		} else if num, ok := strings.CutPrefix(ref, "#"); ok && num != "" {
			base := 10
			if hex, ok := strings.CutPrefix(num, "x"); ok {
				num, base = hex, 16
			} else if hex, ok := strings.CutPrefix(num, "X"); ok {
				num, base = hex, 16
			}
			if n, err := strconv.ParseUint(num, base, 32); err == nil && n != 0 && n != 0xFEFF && utf8.ValidRune(rune(n)) {
				repl = string(rune(n))
			}
		}
		if repl == "" {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		b.WriteString(repl)
		s = s[end+1:]
	}
}

// A docBlock is a paragraph, list item or code block of docText output.
type docBlock struct {
	kind    docBlockKind
	text    string // whitespace-collapsed text, or code lines without the tab
	ordered bool   // for items: whether the item is in an <ol>
}

// docBlockKind is the kind of a docBlock.
type docBlockKind int

const (
	docPara docBlockKind = iota
	docItem
	docCode
)

// docBuilder turns tokens into docBlocks.
type docBuilder struct {
	blocks    []docBlock
	buf       strings.Builder // text of the current paragraph or list item
	pre       strings.Builder // text of the current <pre>
	preDepth  int
	listDepth int
	ordered   bool   // whether the outermost open list is an <ol>
	pending   string // "Note: " or "Important: ", written before the next text
	links     []docLink
}

// docLink is an open <a> element.
type docLink struct {
	href string
	mark int // length of the builder's buf when the element started
}

// text adds text to the current paragraph, list item or <pre>.
func (b *docBuilder) text(s string) {
	if b.preDepth > 0 {
		b.pre.WriteString(s)
		return
	}
	if b.pending != "" && strings.TrimSpace(s) != "" {
		b.buf.WriteString(b.pending)
		b.pending = ""
	}
	b.buf.WriteString(s)
}

// token handles one token.
func (b *docBuilder) token(t docToken) {
	switch {
	case t.kind == docTextTok:
		b.text(t.text)
	case b.preDepth > 0: // inside <pre> only <br> and nested <pre> count
		switch {
		case t.name == "br":
			b.pre.WriteString("\n")
		case t.name == "pre" && t.kind == docStart && !t.self:
			b.preDepth++
		case t.name == "pre" && t.kind == docEnd:
			b.endPre()
		}
	case t.kind == docStart:
		b.start(t)
		if t.self {
			b.endTag(t.name)
		}
	case t.kind == docEnd:
		b.endTag(t.name)
	}
}

// start handles a start tag.
func (b *docBuilder) start(t docToken) {
	switch t.name {
	case "p", "br", "div", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6":
		b.brk()
	case "ul", "ol":
		b.flush()
		if b.listDepth == 0 {
			b.ordered = t.name == "ol"
		}
		b.listDepth++
	case "li":
		b.flush()
	case "note", "important":
		b.brk()
		b.pending = strings.ToUpper(t.name[:1]) + t.name[1:] + ": "
	case "pre":
		b.flush()
		b.preDepth++
	case "a":
		b.buf.WriteString(b.pending) // a link is content: the note prefix goes first
		b.pending = ""
		b.links = append(b.links, docLink{href: t.href, mark: b.buf.Len()})
	}
}

// endTag handles an end tag, or the end of a self-closing tag.
func (b *docBuilder) endTag(name string) {
	switch name {
	case "p", "br", "div", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6":
		b.brk()
	case "ul", "ol":
		b.flush()
		b.listDepth = max(b.listDepth-1, 0)
	case "li":
		b.flush()
	case "note", "important":
		b.brk()
		b.pending = ""
	case "pre":
		b.endPre()
	case "a":
		if len(b.links) > 0 {
			l := b.links[len(b.links)-1]
			b.links = b.links[:len(b.links)-1]
			b.endLink(l)
		}
	}
}

// endLink rewrites the text of link l, at the end of the buf, as the link
// text followed by the URL in parentheses for absolute http(s) URLs, as the
// text alone for other URLs, and as the URL when there is no text.
func (b *docBuilder) endLink(l docLink) {
	s := b.buf.String()
	mark := min(l.mark, len(s))
	text := strings.Join(strings.Fields(s[mark:]), " ")
	url := strings.TrimSpace(l.href)
	lower := strings.ToLower(url)
	abs := strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
	switch {
	case text == "":
		text = url
	case abs && url != text:
		text += " (" + url + ")"
	}
	// Keep the spaces around the text: "see<a> the docs </a>here".
	if r, _ := utf8.DecodeRuneInString(s[mark:]); unicode.IsSpace(r) {
		text = " " + text
	}
	if r, _ := utf8.DecodeLastRuneInString(s[mark:]); unicode.IsSpace(r) {
		text += " "
	}
	b.buf.Reset()
	b.buf.WriteString(s[:mark])
	b.buf.WriteString(text)
}

// brk breaks the current paragraph. Inside a list the paragraphs of an item
// are joined, so a break is a space.
func (b *docBuilder) brk() {
	if b.listDepth > 0 {
		b.buf.WriteByte(' ')
		return
	}
	b.flush()
}

// flush ends the current paragraph or list item.
func (b *docBuilder) flush() {
	text := strings.Join(strings.Fields(b.buf.String()), " ")
	b.buf.Reset()
	for i := range b.links {
		b.links[i].mark = 0
	}
	if text == "" {
		return
	}
	kind := docPara
	if b.listDepth > 0 {
		kind = docItem
	}
	b.blocks = append(b.blocks, docBlock{kind: kind, text: text, ordered: b.ordered})
}

// endPre ends a <pre> element; the outermost one becomes a code block with
// its common indentation, trailing spaces and leading and trailing blank
// lines removed.
func (b *docBuilder) endPre() {
	if b.preDepth == 0 {
		return
	}
	if b.preDepth--; b.preDepth > 0 {
		return
	}
	raw := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(b.pre.String())
	b.pre.Reset()
	lines := strings.Split(raw, "\n")
	prefix := ""
	first := true
	for i, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		lines[i] = l
		if l == "" {
			continue
		}
		lead := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			prefix, first = lead, false
		}
		for !strings.HasPrefix(lead, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	code := strings.Trim(strings.Join(lines, "\n"), "\n")
	if code != "" {
		b.blocks = append(b.blocks, docBlock{kind: docCode, text: code})
	}
}

// end finishes the input: it closes an open <pre> and the current paragraph.
func (b *docBuilder) end() {
	if b.preDepth > 0 {
		b.preDepth = 1
		b.endPre()
	}
	b.flush()
}

// docFix adjusts blocks so that gofmt keeps their doc comment as written:
//   - a code block next to a list, or starting with what looks like a list
//     item, would merge with or become a list, so its lines become
//     paragraphs;
//   - without any paragraph, gofmt would unindent the whole comment, so list
//     items become paragraphs starting with "- " or "1. " and code lines
//     become paragraphs;
//   - a paragraph that gofmt would take for an old-style heading (a short
//     capitalized line without punctuation between paragraphs) gets a
//     period, unless a list or code block follows it; this includes the last
//     paragraph, as the generator may write more paragraphs after it;
//   - quotes and link definitions are handled by docFixText.
func docFix(blocks []docBlock) []docBlock {
	var out []docBlock
	codeToParas := func(code string) {
		for _, l := range strings.Split(code, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				out = append(out, docBlock{kind: docPara, text: l})
			}
		}
	}
	hasPara := false
	for i, bl := range blocks {
		if bl.kind == docCode {
			firstLine, _, _ := strings.Cut(bl.text, "\n")
			if i > 0 && blocks[i-1].kind == docItem || i+1 < len(blocks) && blocks[i+1].kind == docItem ||
				docListLine(firstLine) {
				codeToParas(bl.text)
				hasPara = true
				continue
			}
		}
		hasPara = hasPara || bl.kind == docPara
		out = append(out, bl)
	}
	if !hasPara {
		blocks, out = out, nil
		num, ordered := 0, false
		for i, bl := range blocks {
			if bl.kind == docCode {
				codeToParas(bl.text)
				continue
			}
			if i == 0 || blocks[i-1].kind != docItem {
				num, ordered = 0, bl.ordered
			}
			num++
			marker := "- "
			if ordered {
				marker = strconv.Itoa(num) + ". "
			}
			out = append(out, docBlock{kind: docPara, text: marker + bl.text})
		}
	}
	for i := range out {
		if out[i].kind == docCode {
			continue
		}
		out[i].text = docFixText(out[i].text)
		if out[i].kind == docPara && docHeadingLike(out[i].text) &&
			(i+1 == len(out) || out[i+1].kind == docPara) {
			out[i].text += "."
		}
	}
	return out
}

// docListLine reports whether gofmt would take the indented line for the
// start of a list item: a bullet (-, *, +, •) or a number followed by "." or
// ")", then a space and text.
func docListLine(line string) bool {
	line = strings.TrimLeftFunc(line, unicode.IsSpace)
	f := strings.Fields(line)
	return len(f) > 1 && f[0] != "#" && docNoLineStart(f[0]) && strings.IndexByte(" \t", line[len(f[0])]) >= 0
}

// docFixText rewrites text that gofmt would change or misread. gofmt shows
// two backquotes as an opening typographic quote and two single quotes as a
// closing one, so they are written that way, except that two single quotes
// between letters (an escaping mistake in the models: "You can" + two quotes
// + "t use") become one. Runs of three or more backquotes become one: gofmt
// means to leave them alone, but where it resumes scanning after one depends
// on the text before it, so it may convert two backquotes of a later run.
// Text that starts like a link definition ("[x]: https://...") loses the
// space after the colon, so that gofmt does not move it to the end of the
// comment.
func docFixText(s string) string {
	if strings.Contains(s, "''") || strings.Contains(s, "``") {
		var b strings.Builder
		for i := 0; i < len(s); {
			switch {
			case s[i] == '`':
				n := len(s[i:]) - len(strings.TrimLeft(s[i:], "`"))
				switch {
				case n == 2:
					b.WriteString("“")
				case n > 2:
					b.WriteString("`")
				default:
					b.WriteString("`")
				}
				i += n
			case strings.HasPrefix(s[i:], "''"):
				before, _ := utf8.DecodeLastRuneInString(s[:i])
				after, _ := utf8.DecodeRuneInString(s[i+2:])
				if unicode.IsLetter(before) && unicode.IsLetter(after) {
					b.WriteString("'")
				} else {
					b.WriteString("”")
				}
				i += 2
			default:
				b.WriteByte(s[i])
				i++
			}
		}
		s = b.String()
	}
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]:"); i >= 0 && strings.HasPrefix(s[i+2:], " ") {
			if f := strings.Fields(s[i+2:]); len(f) > 0 && strings.Contains(f[0], "://") {
				s = s[:i+2] + s[i+3:]
			}
		}
	}
	return s
}

// docHeadingLike reports whether gofmt would read s as an old-style heading
// if it stood alone on a line between paragraphs: it starts with an upper
// case letter, ends with a letter or digit, and has no other punctuation
// than parentheses, commas, "'s" and periods inside words.
func docHeadingLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) || !unicode.IsUpper(r) {
		return false
	}
	r, _ = utf8.DecodeLastRuneInString(s)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsAny(s, ";:!?+*/=[]{}_^°&§~%#@<\">\\") {
		return false
	}
	for _, after := range strings.Split(s, "'")[1:] {
		if after != "s" && !strings.HasPrefix(after, "s ") {
			return false
		}
	}
	for _, after := range strings.Split(s, ".")[1:] {
		if after == "" || strings.HasPrefix(after, " ") {
			return false
		}
	}
	return true
}

// docRender writes blocks as docText output. Consecutive list items form one
// list, numbered if its first item came from an <ol>.
func docRender(blocks []docBlock) string {
	var b strings.Builder
	num, ordered := 0, false
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n")
			if bl.kind != docItem || blocks[i-1].kind != docItem {
				b.WriteString("\n")
			}
		}
		switch bl.kind {
		case docPara:
			b.WriteString(bl.text)
		case docItem:
			if i == 0 || blocks[i-1].kind != docItem {
				num, ordered = 0, bl.ordered
			}
			num++
			if ordered {
				b.WriteString(" " + strconv.Itoa(num) + ". " + bl.text)
			} else {
				b.WriteString("  - " + bl.text)
			}
		case docCode:
			for j, l := range strings.Split(bl.text, "\n") {
				if j > 0 {
					b.WriteString("\n")
				}
				if l != "" {
					b.WriteString("\t" + l)
				}
			}
		}
	}
	return b.String()
}
