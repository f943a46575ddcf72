export * from './keys';
export * from './report';
