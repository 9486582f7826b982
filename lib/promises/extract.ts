// Promises in replies become actions: the dated commitments of a reply letter ("我委将于2025年6月底前出台…",
// "力争2026年底前建成…", "下一步，我们将…"), proposed as actions for the staff to review before anything
// is saved. Deterministic and offline like the proposal splitter (lib/proposals/segment.ts): a few
// regular expressions and rules, no model. The rules favour missing a doubtful sentence over proposing a
// past fact: the reviewer can add an action by hand, but should not have to untick background.
//
// Decisions (documented for the reviewer of the rules):
// - A sentence is a promise only with a future marker (将, 计划于, 拟, 力争, 争取, 确保, 下一步, 适时, 近期…) not
//   preceded by 已/曾 (已将 is a past fact), and without a condition or a hope (如条件成熟, 若, 视情, 希望, 有望).
// - Its due day is the END of the period named, in the Shanghai calendar: "6月底前" → 06-30, "年内" →
//   12-31 of the reply's year, "第三季度" → 09-30, "明年上半年" → 06-30 of the next year, "一年内" → the
//   reply day one year later, "国庆前" → 09-30, "十四五期间" → 2025-12-31. A month without a year that is
//   already past on the reply day means next year's. A resolved day before the reply day is no deadline.
// - A commitment whose date cannot be resolved unambiguously (近期, 适时, 下一步, 春节前, 逐步) is still
//   proposed, with no due day and `undated` set, so that the reviewer decides.
// - Dates inside 《titles》, 〔document numbers〕 and brackets are never read as deadlines.
// - One action per sentence: the first dated phrase is its due day.

export interface ReplySentence {
  /** The sentence as written, with its closing punctuation. */
  text: string;
  /** Offsets into the text given (end exclusive). */
  start: number;
  end: number;
}

export interface ExtractedPromise {
  /** The sentence the promise came from, verbatim. */
  sentence: string;
  start: number;
  end: number;
  /** The proposed action's title: the promise's clause, trimmed, at most TITLE_MAX characters. */
  title: string;
  /** The due day ("YYYY-MM-DD"), or null when the promise names no resolvable date. */
  dueDate: string | null;
  /** The phrase the due day was read from ("2025年6月底前"), or null. */
  dueText: string | null;
  /** 力争/争取: an aspiration rather than a firm commitment. */
  aspirational: boolean;
  /** A commitment without a resolvable date (近期, 下一步, 适时…): proposed for review, flagged. */
  undated: boolean;
}

export const TITLE_MAX = 200;

const SENTENCE_END = /[。；！？;!?]+|\n+/g;

/** The sentences of a text: split after 。；！？ and at line breaks; each keeps its punctuation. */
export function splitSentences(text: string): ReplySentence[] {
  const sentences: ReplySentence[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    push(from, match[0].startsWith("\n") ? (match.index ?? 0) : end);
    from = end;
  }
  push(from, text.length);
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Commitment

/** Future markers, strongest first; 计划 only as a verb (计划于/计划在…), never the noun (工作计划). */
const FUTURE =
  /(?<![已曾即])(?:将于|将在|将(?!来|其他)|计划(?=于|在|到|今年|明年|年内|年底|\d|[一二三四]季度|上半年|下半年|出台|建成|完成|启动|开展|推出|发布|制定|印发|召开|实现|建立|组建|上线)|拟于|拟在|拟(?=[出建完启开推发制印召实组上])|力争|争取|确保|下一步|下阶段|适时|近期)/;
/** A condition or a hope: no commitment. */
const CONDITION =
  /^(?:如|若|如果|倘若|假如|待|一旦)|条件成熟|条件具备|条件允许|视情|希望|期待|期望|有望|建议/;
const ASPIRATION = /力争|争取/;

/** Words that open the promise's clause and are not its content. */
const LEADING_NOISE = new RegExp(
  [
    "^[，,、：:\\s]+",
    "^(?:下一步|下阶段|同时|此外|今后|未来|后续|近期)[，,]?",
    "^(?:我[委局办厅市部院所司]|我们|本[委局办]|市[\\u4e00-\\u9fff]{1,6}?(?:委|局|办)(?=将|计划|拟|力争|争取))",
    "^(?:还将|也将|将于|将在|将|计划于|计划在|计划|拟于|拟在|拟|力争|争取|确保|适时|继续|进一步(?=将))",
    "^(?:于|在|到)",
  ].join("|"),
);
const STOP_AT = /[。；！？;!?]+$/;

// ---------------------------------------------------------------------------------------------
// Dates

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 1-99 written in Arabic or Chinese numerals (十二, 二十, 3). */
function numberOf(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === "十") return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(value);
  if (tens) return (tens[1] ? (CN_DIGITS[tens[1]] ?? 0) : 1) * 10 + (tens[2] ? (CN_DIGITS[tens[2]] ?? 0) : 0);
  if (value.length === 1 && value in CN_DIGITS) return CN_DIGITS[value] ?? null;
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const endOfMonth = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;

function addPeriod(isoDate: string, amount: number, unit: "年" | "月" | "周" | "日"): string {
  const [y = 0, m = 1, d = 1] = isoDate.split("-").map(Number);
  if (unit === "周" || unit === "日") {
    const date = new Date(Date.UTC(y, m - 1, d + amount * (unit === "周" ? 7 : 1)));
    return date.toISOString().slice(0, 10);
  }
  const months = unit === "年" ? amount * 12 : amount;
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDayOfMonth(year, month)))}`;
}

const NUM = "[0-9]{1,2}|[一二两三四五六七八九十]{1,3}";
const YEAR = "(?<year>20[0-9]{2}|今年|本年度?|明年|后年|次年)";

/**
 * The dated phrases, each with how it resolves. Tried in order at each position; the first phrase in
 * the sentence wins. `y` is the year the phrase names (the reply's year when it names none).
 */
const DATE_PATTERNS: {
  re: RegExp;
  resolve: (m: RegExpExecArray, y: number, reply: string) => string | null;
}[] = [
  {
    // 2025年6月底前, 6月底前, 6月末, 3月份, 明年3月, 9月中旬
    re: new RegExp(`^(?:${YEAR}年?)?(?<month>${NUM})月(?:份)?(?<part>底|末|上旬|中旬|下旬|前)?`, "u"),
    resolve: (m, y) => {
      const month = numberOf(m.groups?.month ?? "");
      if (!month || month > 12) return null;
      const part = m.groups?.part;
      if (part === "上旬") return `${y}-${pad(month)}-10`;
      if (part === "中旬") return `${y}-${pad(month)}-20`;
      if (part === "前" && !m.groups?.year) return null; // "6月前": the month's start or end? ambiguous
      return endOfMonth(y, month);
    },
  },
  {
    // 第三季度, 三季度末, 2025年一季度, 明年第二季度
    re: new RegExp(`^(?:${YEAR}年?)?(?:第)?(?<q>[一二三四1-4])季度(?:末|底)?`, "u"),
    resolve: (m, y) => {
      const q = numberOf(m.groups?.q ?? "");
      return q && q <= 4 ? endOfMonth(y, q * 3) : null;
    },
  },
  {
    // 明年上半年, 下半年, 2026年上半年
    re: new RegExp(`^(?:${YEAR}年?)?(?<half>上|下)半年`, "u"),
    resolve: (m, y) => (m.groups?.half === "上" ? `${y}-06-30` : `${y}-12-31`),
  },
  {
    // 2026年底前, 2025年内, 今年底, 明年年底, 年内, 年底前, 本年度内, 2025年
    re: new RegExp(`^(?:${YEAR}年?(?:度)?)(?<end>年底|年末|底|末|内|以内|度内)?`, "u"),
    resolve: (m, y, reply) => {
      // A bare year ("2024年") names a year, not a deadline, unless it is still ahead.
      if (!m.groups?.end && Number(y) < Number(reply.slice(0, 4))) return null;
      return `${y}-12-31`;
    },
  },
  { re: /^(?:年内|年底前|年底|年末|年度内|本年内)/u, resolve: (_m, y) => `${y}-12-31` },
  {
    // 一年内, 两年内, 三个月内, 6个月内, 半年内
    re: new RegExp(`^(?<n>${NUM}|半)(?:个)?(?<unit>年|月|周|星期)(?:之内|以内|内)`, "u"),
    resolve: (m, _y, reply) => {
      const unit = m.groups?.unit === "星期" ? "周" : (m.groups?.unit as "年" | "月" | "周");
      if (m.groups?.n === "半") return unit === "年" ? addPeriod(reply, 6, "月") : null;
      const n = numberOf(m.groups?.n ?? "");
      return n ? addPeriod(reply, n, unit) : null;
    },
  },
  { re: /^国庆(?:节)?(?:前|之前)/u, resolve: (_m, y) => `${y}-09-30` },
  { re: /^“?十四五”?(?:期间|末|时期)/u, resolve: () => "2025-12-31" },
  { re: /^“?十五五”?(?:期间|末|时期)/u, resolve: () => "2030-12-31" },
];

/** Blanks what is never a deadline: 《titles》, 〔document numbers〕, brackets, “十四五” kept. */
function blankQuoted(sentence: string): string {
  return sentence.replace(/《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】|（[^）]*）|\([^)]*\)/g, (part) =>
    " ".repeat(part.length),
  );
}

/** A past reference right before or after a date: 截至2024年底, 2023年以来, 自2024年起. */
const PAST_BEFORE = /(?:截至|截止|截止到|自|从|早在|已于|已在|曾于|于去年|去年)$/;
const PAST_AFTER = /^(?:以来|来|起|开始|以前|已|的)/;

interface FoundDate {
  due: string;
  text: string;
}

function yearOf(word: string | undefined, reply: string): number {
  const replyYear = Number(reply.slice(0, 4));
  if (!word || word === "今年" || word.startsWith("本年")) return replyYear;
  if (word === "明年" || word === "次年") return replyYear + 1;
  if (word === "后年") return replyYear + 2;
  return Number(word);
}

function findDate(sentence: string, reply: string): FoundDate | null {
  const text = blankQuoted(sentence);
  for (let at = 0; at < text.length; at++) {
    // Start only at a word's start: not in the middle of a number.
    if (at > 0 && /[0-9]/.test(text[at - 1] ?? "") && /[0-9]/.test(text[at] ?? "")) continue;
    const rest = text.slice(at);
    for (const { re, resolve } of DATE_PATTERNS) {
      const m = re.exec(rest);
      if (!m || m[0].length === 0) continue;
      const before = text.slice(0, at);
      const after = rest.slice(m[0].length);
      if (PAST_BEFORE.test(before) || PAST_AFTER.test(after)) break;
      // A number followed by 号/个/家/万 is a count or a document number, not a date.
      if (/^[号个家万亿%]/.test(after) && !/月/.test(m[0])) break;
      const named = m.groups?.year;
      let year = yearOf(named, reply);
      let due = resolve(m, year, reply);
      // A month without a year that is past on the reply day: next year's.
      if (due && !named && /月/.test(m[0]) && due < reply) {
        year += 1;
        due = resolve(m, year, reply);
      }
      if (!due || due < reply) break;
      const suffix = /^(?:前|之前|以前|内|底前)/.exec(after)?.[0] ?? "";
      return { due, text: sentence.slice(at, at + m[0].length + suffix.length) };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The extractor

function titleOf(sentence: string, markerAt: number, dateText: string | null): string {
  let clause = sentence.slice(markerAt).replace(STOP_AT, "");
  // The date phrase and its 于/在/前 go; what is left leads with the promise's verb.
  for (let guard = 0; guard < 12; guard++) {
    const before = clause;
    clause = clause.replace(LEADING_NOISE, "");
    if (dateText && clause.startsWith(dateText)) clause = clause.slice(dateText.length);
    clause = clause.replace(/^(?:前|之前|以前|内|底前)(?=[，,\s]|[\u4e00-\u9fff])/, "");
    if (clause === before) break;
  }
  clause = clause.replace(/^[，,、：:\s]+/, "").trim();
  if (clause.length > TITLE_MAX) clause = `${clause.slice(0, TITLE_MAX - 1)}…`;
  return clause;
}

/** The promise of one sentence, or null when the sentence makes none. */
export function promiseOf(sentence: ReplySentence, replyDate: string): ExtractedPromise | null {
  const text = sentence.text;
  if (CONDITION.test(text)) return null;
  const blanked = blankQuoted(text);
  const marker = FUTURE.exec(blanked);
  if (!marker) return null;
  const found = findDate(text, replyDate);
  // The clause starts at the marker, or at the date when the date comes after the sentence's start
  // and before the marker ("2025年底前，我委将建成…": the marker's clause holds the content).
  const title = titleOf(text, marker.index, found?.text ?? null);
  if (title.length < 2) return null;
  return {
    sentence: text,
    start: sentence.start,
    end: sentence.end,
    title,
    dueDate: found?.due ?? null,
    dueText: found?.text ?? null,
    aspirational: ASPIRATION.test(blanked),
    undated: found === null,
  };
}

/**
 * The promises of a reply: one per sentence that commits to something, in the order written.
 * `replyDate` is the reply's day ("YYYY-MM-DD", Shanghai): the reply's year and relative periods
 * ("一年内") count from it.
 */
export function extractPromises(text: string, replyDate: string): ExtractedPromise[] {
  return splitSentences(text)
    .map((sentence) => promiseOf(sentence, replyDate))
    .filter((promise): promise is ExtractedPromise => promise !== null);
}
