// Assisted entry: the pasted text of a proposal, split into its recommendations by the numbering
// conventions of Chinese official writing (一、 / （一） / 1. / （1） / ① / 第一， / 第一条, or 首先…最后 / 一是).
// Deterministic and offline: a few regular expressions and rules, no model. The admin reviews the
// proposed split (merge, split, remove) before anything is saved, so the rules favour a split that
// is easy to correct over a clever one.

/** The numbering styles, in the order of the conventional hierarchy (GB/T 9704: 一、 > （一） > 1. > （1）). */
export const MARKER_STYLES = [
  "article", // 第一条 (rules number their articles so, above any 一、 inside one)
  "chinese", // 一、
  "chinese-paren", // （一） (一)
  "arabic", // 1. 1、 1．
  "arabic-paren", // （1） (1)
  "arabic-half-paren", // 1） 1)
  "circled", // ①
  "ordinal", // 第一， (and 首先，其次，再次，最后，)
  "enumerative", // 一是
] as const;
export type MarkerStyle = (typeof MARKER_STYLES)[number];

/** A stretch of the normalised text; `end` is exclusive and excludes trailing whitespace. */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
}

/** A numbered stretch: its marker, then its text (the source quote). */
export interface NumberedPiece extends TextPiece {
  /** The marker as written ("（二）", "2.", "第二，"); empty when there is none. */
  marker: string;
  /** The number the marker says (2 for "（二）"); null without a marker. */
  number: number | null;
  style: MarkerStyle | null;
  /** The heading sentence, without the marker. */
  title: string;
  /** Where the text starts, after the marker; `start` is where the marker starts. */
  textStart: number;
}

/** A section heading whose numbered items are the recommendations (一、 over （一）…); kept as context. */
export type ProposalSection = NumberedPiece;

/** One proposed recommendation. */
export interface ProposalPart extends NumberedPiece {
  /** The proposed recommendation code: R1, R2… in order. */
  code: string;
  /** 1-based position among the parts. */
  index: number;
  /** Index into `Segmentation.sections` of the heading this part sits under, if any. */
  section: number | null;
}

export interface Segmentation {
  /** The normalised input; every offset refers to it. */
  text: string;
  /** The numbering levels used for the split, outer first (two when parts sit under section headings). */
  levels: MarkerStyle[];
  /** The text before the first part (title, addressee, background). */
  preamble: TextPiece | null;
  sections: ProposalSection[];
  parts: ProposalPart[];
  /** The closing formula and signature block (以上建议…, 特此建议, 建议人…), kept out of the last part. */
  closing: TextPiece | null;
  /**
   * True when the split found would not have given back the whole text, so that the text is
   * offered unsplit, as one part, for the admin to split by hand. A guard: no known text does this.
   */
  unsplit: boolean;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Line breaks of Windows and old Mac text. */
const CARRIAGE_RETURN = /\r\n?/g;
/** Full-width (ideographic), no-break and tab spaces: read as an ordinary space. */
const WIDE_SPACE = /[\u3000\u00a0\t]/g;
/** Byte-order marks and zero-width spaces that pasted text carries invisibly. */
const INVISIBLE = /[\ufeff\u200b]/g;
/** Three or more line breaks: one blank line is enough. */
const BLANK_LINES = /\n{3,}/g;

/**
 * The text as segmented: \n line breaks, full-width spaces as spaces, no indentation or trailing
 * spaces on a line, at most one blank line in a row, nothing around the whole. Only whitespace changes.
 */
export function normalizeProposalText(input: string): string {
  return input
    .replace(INVISIBLE, "")
    .replace(CARRIAGE_RETURN, "\n")
    .replace(WIDE_SPACE, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(BLANK_LINES, "\n\n")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Numbers

const CHINESE_DIGITS = "一二三四五六七八九";
/** One to three Chinese numeral characters: 一 … 九, 十, 十一, 二十, 九十九. */
const CHINESE_NUMBER = `[${CHINESE_DIGITS}十]{1,3}`;
/** One or two half- or full-width Arabic digits. */
const ARABIC_NUMBER = "[0-9０-９]{1,2}";

/** The value of a Chinese numeral from 1 to 99 (一, 十, 十二, 二十, 二十三); null for anything else. */
export function parseChineseNumber(numeral: string): number | null {
  const digit = (char: string | undefined) => (char ? CHINESE_DIGITS.indexOf(char) + 1 : 0);
  const [first, second, third] = Array.from(numeral);
  if (numeral.length === 1) return first === "十" ? 10 : digit(first) || null;
  if (first === "十") return numeral.length === 2 && digit(second) ? 10 + digit(second) : null;
  if (second !== "十" || !digit(first)) return null;
  if (numeral.length === 2) return digit(first) * 10;
  return digit(third) ? digit(first) * 10 + digit(third) : null;
}

function parseArabicNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

const CIRCLED_ONE = 0x2460; // ①
/** Words that number the first three points of an argument. */
const SEQUENCE_WORDS = ["首先", "其次", "再次"];
/** The value a marker takes when it ends whatever sequence it is in (最后，): one more than the last. */
const NEXT_AND_LAST = 0;

// ---------------------------------------------------------------------------------------------
// Markers

interface StyleSpec {
  style: MarkerStyle;
  /** Sticky: matches a marker exactly where it is tried. */
  pattern: RegExp;
  /** The number the match says. */
  value: (match: RegExpExecArray) => number | null;
}

/** A figure that reads as a quantity ("2亿", "1.5 万", "30%"), so the "1." before it is not a marker. */
const QUANTITY_AHEAD = "(?!\\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\\s*(?:[万亿千百十]|%|％|倍|个|元))";

const STYLE_SPECS: readonly StyleSpec[] = [
  {
    style: "article",
    // 第一条 第十二条, as articles of rules are numbered; "第一条路" is prose, so a space, a line
    // break or punctuation must follow.
    pattern: new RegExp(`第(${CHINESE_NUMBER})条(?:[，,、：:．.]|(?=[ \\n]))`, "y"),
    value: (match) => parseChineseNumber(match[1] ?? ""),
  },
  {
    style: "chinese",
    // 一、 十二、: a numeral and an enumeration comma, not followed by another numeral ("一、二级" is prose).
    pattern: new RegExp(`(${CHINESE_NUMBER})、(?![${CHINESE_DIGITS}十])`, "y"),
    value: (match) => parseChineseNumber(match[1] ?? ""),
  },
  {
    style: "chinese-paren",
    // （一） (一) （一)：a numeral in full- or half-width parentheses, with the 、 some writers add.
    pattern: new RegExp(`[（(](${CHINESE_NUMBER})[）)]、?`, "y"),
    value: (match) => parseChineseNumber(match[1] ?? ""),
  },
  {
    style: "arabic",
    // 1. 1、 1．: not the start of a decimal ("1.5") nor of a quantity ("1. 2亿").
    pattern: new RegExp(`(${ARABIC_NUMBER})[.．、](?![0-9０-９])${QUANTITY_AHEAD}`, "y"),
    value: (match) => parseArabicNumber(match[1] ?? ""),
  },
  {
    style: "arabic-paren",
    // （1） (1)
    pattern: new RegExp(`[（(](${ARABIC_NUMBER})[）)]`, "y"),
    value: (match) => parseArabicNumber(match[1] ?? ""),
  },
  {
    style: "arabic-half-paren",
    // 1） 1)
    pattern: new RegExp(`(${ARABIC_NUMBER})[）)]`, "y"),
    value: (match) => parseArabicNumber(match[1] ?? ""),
  },
  {
    style: "circled",
    // ① … ⑳, with an optional 、
    pattern: /([\u2460-\u2473])、?/y,
    value: (match) => (match[1]?.codePointAt(0) ?? 0) - CIRCLED_ONE + 1,
  },
  {
    style: "ordinal",
    // 第一， 第二、 第三：, 首先 / 其次 / 再次 for the first three ("首先，…其次…第三，…"), and 最后，
    // for the last. The punctuation after 第N and 最后 is required: "第一个", "第一次" and "最后一公里" are prose.
    pattern: new RegExp(`(?:第(${CHINESE_NUMBER})[，,、：:]|(首先|其次|再次)[，,、]?|(最后)[，,、])`, "y"),
    value: (match) => {
      if (match[1]) return parseChineseNumber(match[1]);
      if (match[3]) return NEXT_AND_LAST;
      return SEQUENCE_WORDS.indexOf(match[2] ?? "") + 1 || null;
    },
  },
  {
    style: "enumerative",
    // 一是 二是 (…；二是…): the enumeration inside a paragraph.
    pattern: new RegExp(`(${CHINESE_NUMBER})是`, "y"),
    value: (match) => parseChineseNumber(match[1] ?? ""),
  },
];

/** Punctuation that ends a sentence or opens an enumeration: a marker may follow it on the same line. */
const SENTENCE_END = /[。；;！!？?：:]/;
const SPACE = /\s/;

interface Marker {
  style: MarkerStyle;
  /** Position of the style in the conventional hierarchy; smaller is outer. */
  rank: number;
  value: number;
  text: string;
  start: number;
  textStart: number;
}

/** Where a marker may stand: at the start of a line, or of a sentence (after 。；：！？). */
function markerPositions(text: string): number[] {
  const positions = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const previous = text[i - 1];
    if (i > 0 && previous !== "\n" && !SENTENCE_END.test(previous ?? "")) continue;
    let position = i;
    while (text[position] === " ") position++;
    positions.add(position);
  }
  return [...positions];
}

function skipSpace(text: string, position: number): number {
  let next = position;
  while (next < text.length && SPACE.test(text[next] ?? "")) next++;
  return next;
}

/** The marker at `position`, if one stands there and is followed by some text. */
function readMarker(text: string, position: number): Marker | null {
  for (const [rank, spec] of STYLE_SPECS.entries()) {
    spec.pattern.lastIndex = position;
    const match = spec.pattern.exec(text);
    if (!match) continue;
    const value = spec.value(match);
    const textStart = skipSpace(text, position + match[0].length);
    if (value === null || value < 0 || textStart >= text.length) continue;
    return { style: spec.style, rank, value, text: match[0], start: position, textStart };
  }
  return null;
}

function findMarkers(text: string): Marker[] {
  return markerPositions(text)
    .map((position) => readMarker(text, position))
    .filter((marker): marker is Marker => marker !== null);
}

// ---------------------------------------------------------------------------------------------
// Sequences

/** Markers of one style numbered 1, 2, 3… in the order they stand (two at least). */
type Run = [Marker, Marker, ...Marker[]];

function lastOf(run: Run): Marker {
  return run[run.length - 1] as Marker;
}

/**
 * The sequences the markers form. A marker continues the latest sequence of its style that ends
 * one below it; a 1 (or the number `continueAt` allows for its style) starts a new one; any other
 * marker is prose and ignored. So a stray "3." cannot break a list, and nested lists that restart
 * at 1 under each heading are each their own sequence. 最后 ends the latest sequence of its style.
 */
function findRuns(markers: readonly Marker[], continueAt?: ReadonlyMap<MarkerStyle, number>): Run[] {
  const runs: Marker[][] = [];
  const ended = new Set<Marker[]>();
  for (const marker of markers) {
    const latest = latestRun(runs, marker, ended);
    if (latest && marker.value === NEXT_AND_LAST) {
      latest.push({ ...marker, value: (latest.at(-1)?.value ?? 0) + 1 });
      ended.add(latest);
    } else if (latest) latest.push(marker);
    else if (marker.value === 1 || continueAt?.get(marker.style) === marker.value) runs.push([marker]);
  }
  return runs.filter((run): run is Run => run.length >= 2);
}

/** The sequence `marker` would continue: of its style, not ended, ending one below it; the latest such. */
function latestRun(runs: readonly Marker[][], marker: Marker, ended: ReadonlySet<Marker[]>): Marker[] | null {
  let latest: Marker[] | null = null;
  for (const run of runs) {
    const last = run.at(-1);
    if (!last || last.style !== marker.style || ended.has(run)) continue;
    if (marker.value !== NEXT_AND_LAST && last.value !== marker.value - 1) continue;
    if (!latest || (latest.at(-1)?.start ?? 0) < last.start) latest = run;
  }
  return latest;
}

/**
 * Whether `inner` lies within one item of `outer`. Within an item that another follows, it is
 * nested whatever its style; after the last marker it could as well be a list that follows, so
 * there the conventional hierarchy decides ("（一）" after "三、" is nested, "1." after "①" is not).
 */
function isNestedIn(inner: Run, outer: Run): boolean {
  if (inner === outer) return false;
  const item = outer.findLastIndex((marker) => marker.start < inner[0].start);
  if (item < 0) return false;
  const next = outer[item + 1];
  if (next) return lastOf(inner).start < next.start;
  return outer[0].rank < inner[0].rank;
}

/** The outermost sequence: nested in no other; then the higher level, the longer, the earlier. */
function outermostRun(runs: readonly Run[]): Run | null {
  const outermost = runs.filter((run) => !runs.some((other) => isNestedIn(run, other)));
  outermost.sort((a, b) => a[0].rank - b[0].rank || b.length - a.length || a[0].start - b[0].start);
  return outermost[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Titles

/** The heading sentence ends at the first of these, or at a line break. */
const TITLE_END = /[。；;：:！!？?\n]/;
/** A comma, where a heading sentence too long to be a title may be cut. */
const CLAUSE_END = /[，,]/;
const MAX_TITLE_LENGTH = 40;
const MIN_CLAUSE_LENGTH = 6;

/**
 * The title of a part: its heading sentence (up to the first 。；：！？ or line break). A sentence
 * longer than 40 characters gives its first clause, if that is long enough to say something,
 * else its first 39 characters and an ellipsis.
 */
export function deriveTitle(text: string): string {
  const sentence = (text.trim().split(TITLE_END)[0] ?? "").trim();
  const characters = Array.from(sentence);
  if (characters.length <= MAX_TITLE_LENGTH) return sentence;
  const clause = Array.from((sentence.split(CLAUSE_END)[0] ?? "").trim());
  if (clause.length >= MIN_CLAUSE_LENGTH && clause.length <= MAX_TITLE_LENGTH) return clause.join("");
  return `${characters.slice(0, MAX_TITLE_LENGTH - 1).join("")}…`;
}

// ---------------------------------------------------------------------------------------------
// Closing

/** A closing paragraph: the formulas that end a proposal and its signature block; a date alone on its line. */
const CLOSING_LINE =
  /(?:以上(?:建议|意见|几点|各点|各项|内容|所提)|特此|此致|妥否|当否|请予|请审议|谢谢|附件|附：|(?:建议人|提议人|领衔代表|代表|联系人|联系电话|联系方式)[:：]|[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*$)/my;
/** Closing formulas clear enough to end a proposal in the middle of a line, after a full stop. */
const CLOSING_SENTENCE = /(?:以上(?:建议|意见)|特此建议)/y;
const FULL_STOP = /[。！!？?]/;

/** Where the closing starts: the first closing line (or sentence) after `after`, before `end`. */
function findClosing(text: string, after: number, end: number): number | null {
  for (let position = after + 1; position < end; position++) {
    const previous = text[position - 1] ?? "";
    const pattern = previous === "\n" ? CLOSING_LINE : FULL_STOP.test(previous) ? CLOSING_SENTENCE : null;
    if (!pattern) continue;
    pattern.lastIndex = position;
    if (pattern.test(text)) return position;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Layout

/** A heading over the recommendations themselves (三、意见建议, 二、对策措施). */
const RECOMMENDATION_HEADING = /建议|对策|措施|举措/;
/**
 * A heading over the background the recommendations answer: the situation, the problems met, their
 * causes (一、基本情况, 二、存在的主要问题). Narrow on purpose: "解决算力不足问题" is a recommendation.
 */
const BACKGROUND_HEADING =
  /基本情况|现状|背景|形势|存在的?(?:主要|突出)?问题|面临的|主要问题|问题(?:与|和)?(?:分析|挑战|原因)|原因分析|^问题$|^(?:重要)?意义$/;

function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && SPACE.test(text[trimmed - 1] ?? "")) trimmed--;
  return trimmed;
}

function numberedPiece(text: string, marker: Marker | null, start: number, end: number): NumberedPiece {
  const textStart = marker ? marker.textStart : skipSpace(text, start);
  const textEnd = trimmedEnd(text, textStart, end);
  const body = text.slice(textStart, textEnd);
  return {
    marker: marker?.text ?? "",
    number: marker?.value ?? null,
    style: marker?.style ?? null,
    title: deriveTitle(body),
    text: body,
    start: marker?.start ?? textStart,
    textStart,
    end: textEnd,
  };
}

function textPiece(text: string, start: number, end: number): TextPiece | null {
  const from = skipSpace(text, start);
  const to = trimmedEnd(text, from, end);
  return to > from ? { text: text.slice(from, to), start: from, end: to } : null;
}

interface Item {
  marker: Marker;
  end: number;
  nested: Run | null;
}

/** A line that introduces a list: it ends with a colon ("为此，建议如下："). */
const LIST_INTRODUCTION = /[：:]$/;

/**
 * Whether an item heads a list of recommendations rather than detailing one: the list starts a
 * line, and what stands before it is a heading of one short line, perhaps followed by a line that
 * introduces the list. "一是…；二是…" inside a paragraph, or points under a recommendation's own
 * text, are details.
 */
function headsList(text: string, item: Marker, list: Run): boolean {
  if (text[list[0].start - 1] !== "\n") return false;
  const [heading = "", ...rest] = text.slice(item.textStart, list[0].start).trim().split("\n");
  if (Array.from(heading).length > MAX_TITLE_LENGTH) return false;
  return rest.length === 0 || (rest.length === 1 && LIST_INTRODUCTION.test(rest[0] ?? ""));
}

/** The items of a sequence, each up to the next marker (the last up to `end`), with any list nested in it. */
function itemsOf(text: string, run: Run, markers: readonly Marker[], end: number): Item[] {
  const continueAt = new Map<MarkerStyle, number>();
  return run.map((marker, i) => {
    const itemEnd = run[i + 1]?.start ?? end;
    const inside = markers.filter((other) => other.start >= marker.textStart && other.start < itemEnd);
    const nested = outermostRun(findRuns(inside, continueAt));
    // Some writers number the items of all sections in one sequence: （三） may open section 二.
    continueAt.clear();
    if (nested) continueAt.set(nested[0].style, lastOf(nested).value + 1);
    return { marker, end: itemEnd, nested: nested && headsList(text, marker, nested) ? nested : null };
  });
}

/**
 * Whether the sequence's items are section headings over the recommendations: most of them head a
 * list. Under 一、 (the heading level of official writing) half of them are enough.
 */
function areSections(run: Run, items: readonly Item[]): boolean {
  const withList = items.filter((item) => item.nested).length;
  return run[0].style === "chinese" ? withList * 2 >= items.length : withList * 2 > items.length;
}

/**
 * How many leading items are background (一、存在的问题 before 二、对策建议): those whose headings
 * speak of the situation or the problems, when the heading after them speaks of recommendations.
 */
function backgroundSections(text: string, items: readonly Item[]): number {
  const headings = items.map((item) => numberedPiece(text, item.marker, item.marker.start, item.end).title);
  const background = headings.findIndex(
    (heading) => !BACKGROUND_HEADING.test(heading) || RECOMMENDATION_HEADING.test(heading),
  );
  if (background <= 0) return 0;
  return RECOMMENDATION_HEADING.test(headings[background] ?? "") ? background : 0;
}

interface Layout {
  levels: MarkerStyle[];
  preambleEnd: number;
  sections: ProposalSection[];
  parts: Omit<ProposalPart, "code" | "index">[];
}

function layOut(text: string, markers: readonly Marker[], end: number): Layout {
  const run = outermostRun(findRuns(markers));
  if (!run) {
    const whole = numberedPiece(text, null, 0, end);
    return {
      levels: [],
      preambleEnd: 0,
      sections: [],
      parts: whole.text ? [{ ...whole, section: null }] : [],
    };
  }
  const all = itemsOf(text, run, markers, end);
  const items = all.slice(backgroundSections(text, all));
  const preambleEnd = items[0]?.marker.start ?? run[0].start;
  if (!areSections(run, items)) {
    const parts = items.map((item) => ({
      ...numberedPiece(text, item.marker, item.marker.start, item.end),
      section: null,
    }));
    return { levels: [run[0].style], preambleEnd, sections: [], parts };
  }
  const levels = new Set<MarkerStyle>([run[0].style]);
  const sections: ProposalSection[] = [];
  const parts: Layout["parts"] = [];
  for (const item of items) {
    if (!item.nested) {
      parts.push({ ...numberedPiece(text, item.marker, item.marker.start, item.end), section: null });
      continue;
    }
    const nested = item.nested;
    const section = sections.push(numberedPiece(text, item.marker, item.marker.start, nested[0].start)) - 1;
    levels.add(nested[0].style);
    nested.forEach((marker, i) => {
      const partEnd = nested[i + 1]?.start ?? item.end;
      parts.push({ ...numberedPiece(text, marker, marker.start, partEnd), section });
    });
  }
  return { levels: [...levels], preambleEnd, sections, parts };
}

// ---------------------------------------------------------------------------------------------
// Segmentation

/**
 * Proposes the split of a proposal's text into recommendations.
 *
 * - The recommendations are the items of the outermost numbered sequence (一、二、… or （一）（二）…,
 *   1. 2. …, 第一，第二，…), counted only where a marker opens a line or a sentence and continues the
 *   numbering; when those items are section headings over nested lists, the nested items are the
 *   recommendations and the headings are kept as `sections`.
 * - Leading items headed as background (一、基本情况, 二、存在的问题) before a heading of recommendations
 *   (三、对策建议) belong to the preamble.
 * - Text before the first part is the preamble; a closing (以上建议…, 特此建议, 此致, 建议人：…, a date)
 *   after the last part's heading is the closing.
 * - Text without any numbering is one part, so that the admin can split it by hand; empty text has none.
 *
 * Preamble, section headings (marker and text), parts (marker and text) and closing, in order of
 * `start`, cover the normalised text with only whitespace between them.
 */
export function segmentProposalText(input: string): Segmentation {
  const text = normalizeProposalText(input);
  const markers = findMarkers(text);
  let end = text.length;
  let layout = layOut(text, markers, end);
  const closingStart = findClosing(text, layout.parts.at(-1)?.textStart ?? 0, end);
  if (closingStart !== null) {
    end = closingStart;
    layout = layOut(
      text,
      markers.filter((marker) => marker.start < end),
      end,
    );
  }
  const segmentation: Segmentation = {
    text,
    levels: layout.levels,
    preamble: textPiece(text, 0, layout.preambleEnd),
    sections: layout.sections,
    parts: renumberParts(layout.parts.map((part) => ({ ...part, code: "", index: 0 }))),
    closing: closingStart === null ? null : textPiece(text, closingStart, text.length),
    unsplit: false,
  };
  // The invariant, checked on every split: a text the rules would cut into pieces that do not give
  // it back is offered whole rather than with a piece missing.
  if (keepsAllText(segmentation)) return segmentation;
  const whole = numberedPiece(text, null, 0, text.length);
  return {
    text,
    levels: [],
    preamble: null,
    sections: [],
    parts: whole.text ? renumberParts([{ ...whole, section: null, code: "", index: 0 }]) : [],
    closing: null,
    unsplit: true,
  };
}

const withoutSpace = (value: string) => value.replace(/\s/g, "");

/** Preamble, section headings, parts and closing, each with its marker, in the order they stand. */
export function joinSegmentation(segmentation: Omit<Segmentation, "unsplit">): string {
  const { preamble, sections, parts, closing } = segmentation;
  return [
    ...(preamble ? [{ start: preamble.start, whole: preamble.text }] : []),
    ...[...sections, ...parts].map((piece) => ({ start: piece.start, whole: piece.marker + piece.text })),
    ...(closing ? [{ start: closing.start, whole: closing.text }] : []),
  ]
    .sort((a, b) => a.start - b.start)
    .map((piece) => piece.whole)
    .join("\n");
}

/** Whether the pieces, joined back, are the text (whitespace aside): nothing dropped, nothing twice. */
export function keepsAllText(segmentation: Omit<Segmentation, "unsplit">): boolean {
  return withoutSpace(joinSegmentation(segmentation)) === withoutSpace(segmentation.text);
}

// ---------------------------------------------------------------------------------------------
// Entry plan: what the reviewed split saves.

/**
 * What becomes of the items under a section heading (一、 over （一）（二）): the actions of one
 * recommendation that the heading opens (the default, as the text is written), or recommendations
 * of their own, the heading then opening the first one's quote.
 */
export const SUB_ITEM_MODES = ["actions", "recommendations"] as const;
export type SubItemMode = (typeof SUB_ITEM_MODES)[number];

/** One action (举措) to save under an entry's recommendation. */
export interface EntryActionPlan {
  /** Where it comes from: an index into the parts. */
  part: number;
  code: string;
  marker: string;
  title: string;
  quote: string;
}

/** One recommendation to save, with the actions under it. */
export interface EntryRecommendationPlan {
  /** Where it comes from: a section heading or a part. */
  source: { kind: "section" | "part"; index: number };
  code: string;
  marker: string;
  title: string;
  quote: string;
  actions: EntryActionPlan[];
}

/**
 * The recommendations (and actions) a reviewed split saves, coded R1, R2… and R1.1, R1.2… in order.
 * Every section heading and every part is in it exactly once, so what the split kept, the save keeps.
 * A heading the admin removed (null) leaves its items as if they stood under none.
 */
export function planEntry(
  sections: readonly (ProposalSection | null)[],
  parts: readonly ProposalPart[],
  mode: SubItemMode,
  prefix = "R",
): EntryRecommendationPlan[] {
  const plan: EntryRecommendationPlan[] = [];
  const opened = new Map<number, EntryRecommendationPlan>();
  const headed = new Set<number>();
  for (const [i, part] of parts.entries()) {
    const section = part.section === null ? undefined : (sections[part.section] ?? undefined);
    const sectionIndex = part.section ?? -1;
    if (section && mode === "actions") {
      let rec = opened.get(sectionIndex);
      if (!rec) {
        rec = {
          source: { kind: "section", index: sectionIndex },
          code: `${prefix}${plan.length + 1}`,
          marker: section.marker,
          title: section.title,
          quote: section.text,
          actions: [],
        };
        opened.set(sectionIndex, rec);
        plan.push(rec);
      }
      rec.actions.push({
        part: i,
        code: `${rec.code}.${rec.actions.length + 1}`,
        marker: part.marker,
        title: part.title,
        quote: part.text,
      });
      continue;
    }
    // A heading over recommendations of their own opens the first one's quote, as it opens the text.
    const headsThis = section !== undefined && !headed.has(sectionIndex);
    if (section) headed.add(sectionIndex);
    plan.push({
      source: { kind: "part", index: i },
      code: `${prefix}${plan.length + 1}`,
      marker: headsThis ? section.marker : part.marker,
      title: part.title,
      quote: headsThis ? `${section.text}\n${part.marker}${part.text}` : part.text,
      actions: [],
    });
  }
  // A heading whose items were all removed still stands, as a recommendation of its own, in its place.
  for (const [s, section] of sections.entries()) {
    if (!section || opened.has(s) || headed.has(s)) continue;
    const rec: EntryRecommendationPlan = {
      source: { kind: "section", index: s },
      code: "",
      marker: section.marker,
      title: section.title,
      quote: section.text,
      actions: [],
    };
    plan.push(rec);
  }
  const startOf = (rec: EntryRecommendationPlan) =>
    (rec.source.kind === "section" ? sections[rec.source.index] : parts[rec.source.index])?.start ?? 0;
  plan.sort((a, b) => startOf(a) - startOf(b));
  return plan.map((rec, r) => {
    const code = `${prefix}${r + 1}`;
    return {
      ...rec,
      code,
      actions: rec.actions.map((action, a) => ({ ...action, code: `${code}.${a + 1}` })),
    };
  });
}

/** The plan as the entry form sends it (`parts`): recommendations with their actions, quotes without markers. */
export function entryPayload(plan: readonly EntryRecommendationPlan[]) {
  return plan.map((rec) => ({
    code: rec.code,
    titleZh: rec.title,
    sourceQuote: rec.quote,
    actions: rec.actions.map((action) => ({
      code: action.code,
      titleZh: action.title,
      sourceQuote: action.quote,
    })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Review: the admin merges, splits and removes parts before saving.

/** Codes R1, R2… (or another prefix) and positions in the parts' order. */
export function renumberParts(parts: readonly ProposalPart[], prefix = "R"): ProposalPart[] {
  return parts.map((part, i) => ({ ...part, index: i + 1, code: `${prefix}${i + 1}` }));
}

function checkIndex(parts: readonly unknown[], i: number, last = parts.length - 1): void {
  if (!Number.isInteger(i) || i < 0 || i > last) throw new RangeError(`No part ${i} to change`);
}

/**
 * Part `i` and part `i + 1` as one part, renumbered. The second keeps its marker, as the source
 * quote does; the two texts are joined as they stood (directly when adjacent, else by a line break).
 */
export function mergeParts(parts: readonly ProposalPart[], i: number): ProposalPart[] {
  checkIndex(parts, i, parts.length - 2);
  const first = parts[i] as ProposalPart;
  const second = parts[i + 1] as ProposalPart;
  const separator = second.start === first.end ? "" : "\n";
  const text = `${first.text}${separator}${second.marker}${second.text}`;
  const merged: ProposalPart = { ...first, text, title: deriveTitle(text), end: second.end };
  return renumberParts([...parts.slice(0, i), merged, ...parts.slice(i + 2)]);
}

/**
 * Part `i` split before character `offset` of its text, renumbered; both titles are derived anew.
 * A marker opening the second half ("（三）…") becomes its marker. Offsets into the normalised text
 * stay exact as long as the part's text was not edited.
 */
export function splitPart(parts: readonly ProposalPart[], i: number, offset: number): ProposalPart[] {
  checkIndex(parts, i);
  const part = parts[i] as ProposalPart;
  const head = part.text.slice(0, offset).trimEnd();
  const tail = part.text.slice(offset);
  const tailStart = skipSpace(tail, 0);
  if (!Number.isInteger(offset) || !head || tailStart >= tail.length) {
    throw new RangeError(`Splitting part ${i} at ${offset} would leave an empty part`);
  }
  const marker = readMarker(tail, tailStart);
  const secondText = tail.slice(marker?.textStart ?? tailStart);
  const base = part.textStart + offset;
  const first: ProposalPart = {
    ...part,
    text: head,
    title: deriveTitle(head),
    end: part.textStart + head.length,
  };
  const second: ProposalPart = {
    ...part,
    marker: marker?.text ?? "",
    number: marker?.value ?? null,
    style: marker?.style ?? null,
    text: secondText,
    title: deriveTitle(secondText),
    start: base + tailStart,
    textStart: base + (marker?.textStart ?? tailStart),
  };
  return renumberParts([...parts.slice(0, i), first, second, ...parts.slice(i + 1)]);
}

/** The parts without part `i` (a background section, say), renumbered. */
export function removePart(parts: readonly ProposalPart[], i: number): ProposalPart[] {
  checkIndex(parts, i);
  return renumberParts(parts.filter((_, j) => j !== i));
}
