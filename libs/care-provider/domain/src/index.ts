export * from './screening-advice';
