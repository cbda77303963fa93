/// The lines of a source file as parsers number them: a line ends at `\r\n`, `\n` or a lone
/// `\r`. (`str::lines` does not end a line at a lone `\r`, so its numbers drift from the
/// parsers'.) Every stage that turns a line number back into text uses this.
pub fn source_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(&text[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}
