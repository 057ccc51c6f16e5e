// The shapes the extractor produces. They follow ../shared/spec/ENTITIES.md: offsets are UTF-16
// offsets into the input exactly as it was given, attributes are written as the text writes them.

export type NumberSubkind = "quantity" | "money" | "percent" | "date" | "time" | "period" | "ordinal";
export type Approx = "more" | "less" | "nearly" | "about";

interface Span {
  start: number;
  end: number;
  /** The input between start and end, unchanged. */
  text: string;
}

export interface LeaderAnnotation extends Span {
  kind: "leader";
  /** The personal name as written (NFC). Empty for a bare title ("Thủ tướng nhấn mạnh"). */
  name: string;
  /** The title phrase as written, without honorifics; may be empty. */
  title: string;
  /** đồng chí / ông / bà … when written before the name. */
  honorific?: string;
  /** For a bare title: the name of the person it refers to, resolved from earlier in the text. */
  refersTo?: string;
}

export interface DocumentAnnotation extends Span {
  kind: "directive";
  subkind: "document";
  /** The document type as written: "Chỉ thị", "Nghị quyết" … */
  docType: string;
  /** Number and symbol as written: "15-CT/TW", "13/2023/NĐ-CP", "15". */
  code?: string;
  /** The issuing body when named nearby: "Ban Bí thư", "Bộ Chính trị". */
  issuer?: string;
  /** ISO date of issue when written nearby. */
  date?: string;
}

export interface InstructionAnnotation extends Span {
  kind: "directive";
  subkind: "instruction";
  /** Who directs, as written: "Thủ tướng", "Bộ Xây dựng". */
  speaker?: string;
  /** The directing verb as written: "yêu cầu", "chỉ đạo". */
  verb?: string;
}

export interface NumberAnnotation extends Span {
  kind: "number";
  subkind: NumberSubkind;
  /** A number for quantities, money, percents, ordinals; an ISO 8601 string for dates, times, periods. */
  value: number | string;
  unit?: string;
  approx?: Approx;
}

export type DirectiveAnnotation = DocumentAnnotation | InstructionAnnotation;
export type Annotation = LeaderAnnotation | DirectiveAnnotation | NumberAnnotation;
export type AnnotationKind = Annotation["kind"];

/** What a rule family returns: the same shapes with offsets into the normalised text, no `text` yet. */
export type Draft<A extends Annotation = Annotation> = A extends Annotation ? Omit<A, "text"> : never;

export interface ExtractOptions {
  /** The article's own date (ISO yyyy-mm-dd), used to give a year to dates written without one. */
  articleDate?: string;
}
