/** Content model shared by the sample renderers (PDF, text, HTML). */

export type Block =
  | { kind: 'codes'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; rows: string[][]; widths?: number[] }
  | { kind: 'sign'; lines: string[] }
  | { kind: 'pageBreak' };

export interface ExpectedEvent {
  /** Event type as used by the extraction model (质押, 减持, 中标 …). */
  type: string;
  /** Argument role → value exactly as written in the document. */
  args: Record<string, string>;
}

export interface ReportSidebar {
  /** Drawn one character per line in a narrow band (a vertical title). */
  verticalTitle: string;
  lines: string[];
}

export interface SampleDoc {
  file: string;
  format: 'pdf' | 'txt' | 'html';
  encoding?: 'utf-8' | 'gb18030';
  kind: 'announcement' | 'research_report' | 'news';
  traditional?: boolean;
  publishedAt: string;
  summary: string;
  /** Header fields the parser should find (announcement or research-report header). */
  header: Record<string, unknown>;
  events: ExpectedEvent[];
  blocks: Block[];
  /** Running header text drawn at the top of every page (PDF only). */
  runningHeader?: string;
  /** Running footer text drawn on every page (PDF only). */
  runningFooter?: string;
  pageNumbers?: 'cn' | 'slash' | 'dash';
  sidebar?: ReportSidebar;
  /** Broker template tags left in the text layer as invisible text ([Table_Title] …). */
  templateTags?: boolean;
}
