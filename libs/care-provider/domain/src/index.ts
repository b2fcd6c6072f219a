export * from './screening-advice.js';
