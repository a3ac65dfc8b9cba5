export { type AssembleInput, assembleDocument } from './assemble-document.js';
export {
  type AssembleContext,
  mergeRecordMentions,
  type RecordMention,
  toRecordMention,
} from './document-events.js';
export { type DueeFinDocument, type DueeFinEvent, toDueeFinDocument } from './duee-fin-format.js';
export { type NotEventReason, notEventReason, notEventSections } from './not-event.js';
