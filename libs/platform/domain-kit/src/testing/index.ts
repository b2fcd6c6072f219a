// Test-only entry (`@wcc/domain-kit/testing`): loads vitest, so the main entry never re-exports it.
export * from './given-when-then';
