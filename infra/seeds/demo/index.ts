// The demo data set for `npm start`: see dataset.ts for what it contains and loader.ts
// for how it is loaded (public HTTP APIs only, idempotent).
export { buildDemoPlan, DEMO_SEED, PAID_WORK_OUTCOMES, type ClientPlan, type DemoPlan, type Step } from './dataset';
export { loadDemoData, todayInAmsterdam, type DemoLoadOptions, type DemoLoadResult, type DemoServiceName } from './loader';
export { demoUsers, organisations, showcaseUsers, tokenFor, type DemoUser, type DemoUserName } from './organisations';
