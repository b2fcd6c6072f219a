// @wcc/contracts: the integration events that cross context boundaries, their
// topics and the rules every producer and consumer shares.
export * from './core/cloud-events';
export { type DataCategory, dataCategories, dataCategoryKeyword, dataCategoryOf, field, isDataCategory } from './core/data-category';
export {
  addresseeField,
  type AudienceDelivery,
  type AudienceRoute,
  type AudienceRoutes,
  type CareInvolvement,
  careInvolvements,
  type IntegrationEventDefinition,
  type IntegrationEventSpec,
  defineIntegrationEvent,
  envelopeFields,
  eventData,
  integrationEventType,
  stringEnum,
} from './core/integration-event';
export {
  type FreeTextFinding,
  type FreeTextFindingKind,
  type FreeTextIssue,
  type PersonalDataInTextOptions,
  bsnLikeNumbersIn,
  dutchPhoneNumbersIn,
  freeTextFindingKinds,
  freeTextFindingReasons,
  freeTextIssuesOf,
  icd10CodesIn,
  knownNamesIn,
  passesElfproef,
  personalDataInText,
  significantNameWords,
} from './core/personal-data-in-text';
export { careWordsIn, type CareWordFinding } from './core/care-vocabulary';
export { findPrivacyViolations, privacyViolationOf } from './core/privacy-guard';
export { type ProducerContext, producerContexts } from './core/producer-context';
export { topicNamePattern } from './core/topics';
export type { ValidationIssue, ValidationResult } from './core/validation';
export * from './care-provider';
export * from './case-view';
export * from './employer-network';
export * from './insurer';
export * from './municipality';
export * from './registry';
export * from './topics';
export * from './bus-access';
