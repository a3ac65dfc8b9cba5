export {
  type NotEventReason,
  notEventReason,
  notEventSections,
  type SectionSentence,
  type TriggerSpan,
} from './not-event.js';
