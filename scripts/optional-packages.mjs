// Packages Nest and Fastify import only when an app uses them (not installed here): both bundles
// (scripts/bundle.mjs, scripts/package.mjs) leave them out.
export const OPTIONAL_PACKAGES = [
  '@fastify/multipart',
  '@fastify/view',
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  '@nestjs/platform-express',
  '@nestjs/platform-socket.io',
];
