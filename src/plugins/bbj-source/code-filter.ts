/**
 * Decides whether a text file is BBj code by its statement structure. The reference accepted
 * any file containing the words "open" or "print", so licence texts and READMEs passed; here a
 * file must consist largely of lines shaped like BBj statements.
 */

const STATEMENT_PATTERNS: RegExp[] = [
  /^rem\b/i, // comment
  /^(?:class|interface)\s+(?:public|private|protected)\b/i,
  /^(?:method|field)\s+(?:public|private|protected|static)\b/i,
  /^(?:methodend|classend|interfaceend|methodret\b.*|fi|endif|wend|swend|return|release|end|stop|escape|retry|break|continue|next(?:\s+\w+)?|else|endtrace|settrace|begin|clear|reset)\s*(?:;.*)?$/i,
  /^use\s+(?:::|[\w.]+\s*$)/i,
  /^declare\s+(?:auto\s+)?[\w.<>[\]]+\s+#?\w+[!$%]?/i,
  /^if\s.+\bthen\b/i,
  // Structured IF without THEN (closed by ENDIF): a comparison or a BBj variable, not "If you ...".
  /^if\s*\(?.*(?:[<>=]|\w[$!%](?:\W|$))/i,
  /^(?:while|until|switch|case)\s+\S/i,
  /^for\s+\w+[%]?\s*=/i,
  /^(?:gosub|goto)\s+\w+/i,
  /^(?:read|write|find|extract)\s+record\s*\(/i, // `find record (chan,key=k$) rec$`
  /^(?:rem\s+)?#(?:include|endinclude)\s+\S+/i, // AddonSoftware include markers: `#include std_end.src`
  /^def\s+fn\w*[$%]?\s*\(/i, // user function: `def fnmask$(q1$,q2$)`
  /^fnend\s*(?:;.*)?$/i,
  /^chdir\s+\S/i,
  // A verb followed by what only a statement has: a channel or argument list, a string, a
  // mnemonic, or a BBj variable (`name$`, `obj!`, `n%`, `x=`, `a,`); "Print the report" is prose.
  /^(?:print|write|read|readrecord|writerecord|input|extract|find|remove|close|open|call|run|enter|dim|let|seterr|setesc|callback|string|erase|mkeyed|on)\s*(?:\(|"|'|@|#?\w+[$!%](?:\W|$)|\w+\s*[=,])/i,
  /^(?:process_events|enter|exit|setesc|seterr)\b/i,
  /^\?\s*[("'\w]/, // `?` is short for PRINT
  /^#?[A-Za-z_][\w.]*[$!%]?(?:\[[^\]]*\])?\s*=(?!=)/, // assignment
  /^[A-Za-z_]\w*:\s*(?:;.*)?$/, // label alone on its line
  /^\d{1,5}\s+\S/, // legacy line number
  /^\[\[[^\]\s]+\]\]\s*$/, // Barista callpoint section: `[[ARM_CUSTMAST.AOPT-PYMT]]`, `[[ARM_CUSTMAST.<CUSTOM>]]`
  /^(?:VERSION\s+"|BEGIN\s*$|END\s*$|[A-Z][A-Z0-9-]+(?:\s+-?\d|\s+"|\s*$))/, // ARC resource file
  /\w+!\.\w+\s*\(/, // method call on an object variable
  /^[A-Za-z_]\w*\(/, // verb or function call with its argument list glued on: `SQLOPEN(1)"dsn"`, `LOCK(1,err=x)`
  /^[A-Za-z]+\b.*\b(?:ERR|END|DOM|TIM|IND|KEY|KNUM|SIZ|MODE)=/i, // statement with BBj options: `cliplock ERR=labelError`
  /^[A-Z]{3,}\s*\(\d+[,)]/, // verb on a channel: `CHANOPT (1)"BAUD=9600"`
  /^[A-Z]{4,}\s+[A-Z]{4,}\(/, // verb with a function argument: `CLIPFROMFILE CLIPREGFORMAT("TEXT")`
];

/** A trimmed line shaped like a BBj statement; `L180: PRINT x` counts when what follows the label does (front matter `title: x` does not). */
function isStatement(line: string): boolean {
  if (STATEMENT_PATTERNS.some((re) => re.test(line))) return true;
  const labelled = /^[A-Za-z_]\w*:(?:\s+|(?=rem\b))(\S.*)$/i.exec(line);
  return labelled !== null && STATEMENT_PATTERNS.some((re) => re.test(labelled[1]));
}

/** Share of non-blank lines that must look like statements. */
const MIN_SHARE = 0.4;

/**
 * Trimmed non-blank lines with `:` continuation lines (`:     ids$[all],status`) joined onto
 * the statement they continue, so a long CALL or DIM spread over ten lines counts once and
 * its continuations do not dilute the share of statement-shaped lines.
 */
export function logicalLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith(':') && !/^:\s*=/.test(line) && out.length > 0) out[out.length - 1] += ` ${line.slice(1).trim()}`;
    else out.push(line);
  }
  return out;
}

/** Why a text is not BBj code, or undefined when it is. */
export function notBbjCodeReason(text: string): string | undefined {
  const lines = logicalLines(text);
  if (lines.length === 0) return 'empty file';
  // Documentation that quotes BBj code in fenced blocks is not a program, however much code it holds.
  if (lines.some((l) => /^(?:```|~~~)/.test(l)) || /^---\n[\s\S]*?\n---\n/.test(text)) return 'not BBj code: a Markdown document (code fences or front matter)';
  const statements = lines.filter(isStatement).length;
  const share = statements / lines.length;
  if (statements >= 1 && share >= MIN_SHARE) return undefined;
  return `not BBj code: ${statements} of ${lines.length} statements (\`:\` continuation lines joined) look like BBj statements (${Math.round(share * 100)}%, need ${MIN_SHARE * 100}%)`;
}
