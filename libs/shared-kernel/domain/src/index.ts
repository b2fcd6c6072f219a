// Domain rules more than one context computes with, kept once (see job-coaching.ts for why here).
export * from './job-coaching';
