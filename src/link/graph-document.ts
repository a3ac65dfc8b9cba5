import type { DocumentKind } from '../vocabulary/document-kinds.js';
import type { EntityLabel } from '../vocabulary/entity-labels.js';

/** Labels the graph gives linked entities; the writer only accepts these. */

/** A linked entity: `key` is its identity in the graph (stock code, full name, or name in company context). */
export interface LinkedEntity {
  key: string;
  label: EntityLabel;
  name: string;
  code?: string;
  /** The H-share code (5 digits) of a company listed in Shanghai or Shenzhen and in Hong Kong. */
  hkCode?: string;
  /** The B-share code (200xxx, 900xxx) of a company with A and B shares (code is then the A-share code). */
  bCode?: string;
  exchange?: string;
  shortNames?: string[];
  /** Organisation subtype: bank, court, regulator, government, broker, other. */
  category?: string;
  /** A person's company context (the key their identity is scoped by). */
  companyKey?: string;
  /** Positions a document states for a person (董事长, 独立董事, …). */
  positions?: string[];
}

/** A subsidiary a document names as such (全资子公司 / 控股子公司): linked to its parent, not merged. */
export interface LinkedSubsidiary {
  companyKey: string;
  parentKey: string;
  kind: 'wholly_owned' | 'controlled';
}

/** Where a fact was read: sentence index within the document and UTF-16 span in the document text. */
export interface Provenance {
  sentence: number;
  start: number;
  end: number;
  text: string;
  confidence: number;
}

export interface EntityMentionRow extends Provenance {
  entityKey: string;
  label: EntityLabel;
  /** The model's entity type (company, person, …) or `header` for names read from the header. */
  type: string;
  /** Why the mention was linked to this node (same_code, alias, unique_short_name, …; see CompanyResolver). */
  resolution?: string;
}

export interface EventArgumentRow extends Provenance {
  /** The model's role name (sub-org, obj-org, amount, …); the record's role for types the model lacks. */
  role: string;
  /** The document-level role it fills (质押方, 甲方, …; schemas/events.json documentRoles), when it fills one. */
  documentRole?: string;
  /** The role in words from schemas/events.json (pledgor org, pledgee org, …). */
  roleKey: string;
  /** Set when the argument is an entity: the relationship goes to that node. */
  entityKey?: string;
  label?: EntityLabel;
  /** Normalised value of a value argument (amount, shares, ratio, date), as a display string. */
  value?: string;
  /** True when the argument was filled from document context, not read in the sentence. */
  inferred?: boolean;
}

export interface LinkedEvent {
  id: string;
  /** Schema type name (质押, 收购, 解除质押, …) and its key (pledge, acquisition, …). */
  type: string;
  typeKey: string;
  /** The document-level record type (企业收购 for 收购, …; schemas/events.json documentType). */
  documentType: string;
  trigger: string;
  /** ISO date (yyyy-mm-dd, or yyyy-mm / yyyy for coarser dates). */
  date?: string;
  /** The upper end when the amount is stated as a range. */
  amount?: number;
  /** The lower end of an amount stated as a range (0.5亿元-1亿元). */
  amountLow?: number;
  currency?: string;
  shares?: number;
  /** A percentage as a fraction: 8.5% → 0.085. */
  ratio?: number;
  confidence: number;
  /** Every sentence that told this event (the document-level event merges them). */
  mentions: Provenance[];
  arguments: EventArgumentRow[];
}

/** One event as the model read it in one sentence, already linked; assembly merges these into records. */
export interface SentenceEvent {
  type: string;
  typeKey: string;
  trigger: string;
  confidence: number;
  mention: Provenance;
  sentenceText: string;
  arguments: EventArgumentRow[];
}

/** One figure of a report's forecast table, its value in base units (元, 元 per share, multiple). */
export interface LinkedForecast {
  /** eps, revenue, net_profit or pe. */
  metric: string;
  year: number;
  /** False for an actual (A) year printed beside the estimates. */
  estimate: boolean;
  value: number;
  /** 元 for amounts, 元/股 for EPS, 倍 for PE; the printed unit when it could not be converted. */
  unit: string;
}

export interface LinkedRating {
  companyKey: string;
  rating: string;
  change?: string;
  targetPrice?: number;
  /** The high end of a stated target range, whose low end is `targetPrice`. */
  targetPriceHigh?: number;
  currency?: string;
  date?: string;
  broker?: string;
  analysts: { name: string; certificate?: string }[];
  /** The report's forecasts, stored on its RATES relationship, so each is versioned by report. */
  forecasts?: LinkedForecast[];
}

export interface LinkedSentence {
  index: number;
  page: number;
  start: number;
  end: number;
  text: string;
  /**
   * On a page read by OCR: where the sentence lies, as [left, top, right, bottom] fractions of the page's
   * width and height, four numbers a box one after another (a graph property holds no nested lists).
   */
  ocrBoxes?: number[];
}

/** A linked document before assembly: entities resolved, events still one per sentence mention. */
export type LinkedDocument = Omit<GraphDocument, 'events'> & { sentenceEvents: SentenceEvent[] };

/** Everything one document contributes to the graph; written in one transaction. */
export interface GraphDocument {
  document: {
    id: string;
    kind: DocumentKind;
    title?: string;
    publishedAt?: string;
    fileName?: string;
    mimeType?: string;
    sourceUrl?: string;
    sourceName?: string;
    pageCount: number;
    /** Pages read by OCR (1-based) and each one's confidence, 0–1, in the same order; absent when none was. */
    ocrPages?: number[];
    ocrConfidence?: number[];
    modelVersion: string;
    processedAt: string;
    /** The company that issued an announcement, or the one a research report covers. */
    issuerKey?: string;
  };
  sentences: LinkedSentence[];
  entities: LinkedEntity[];
  mentions: EntityMentionRow[];
  events: LinkedEvent[];
  subsidiaries?: LinkedSubsidiary[];
  rating?: LinkedRating;
}
