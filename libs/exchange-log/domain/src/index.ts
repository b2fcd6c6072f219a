// The exchange log's pure logic: who receives what (the disclosure register), what the
// log learns of a case, the disclosures an event made, LDV records with NEN 7513
// attributes, the hash chain and the citizen's overview. No Nest, no pg, no kafkajs.
// The chain fixtures are the story its specs and the service's tests share.
export * from './case-knowledge';
export * from './chain-event';
export * from './disclosure-planning';
export * from './disclosure-record';
export * from './disclosure-register';
export * from './hash-chain';
export * from './labels';
export * from './overview';
export * from './processing-activities';
export * from './trace-context';
export * from './testing/chain-fixtures';
