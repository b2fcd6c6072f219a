export * from './infra';
export * from './http';
export * from './isolation';
export * from './personal-data';
export * from './service-process';
export * from './topic-reader';
