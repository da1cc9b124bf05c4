// The framework floor under the engine: Nest 12 on Fastify with the framework pieces the engine
// uses (ConfigModule, ScheduleModule with one interval, a ValidationPipe, Swagger UI and document,
// nest-winston console logging, prom-client default metrics) and one route, but no engine code.
// Plain JavaScript (decorators applied as functions), so it runs without a build step.
import 'reflect-metadata';
import { Controller, Get, Injectable, Module, ValidationPipe } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Interval, ScheduleModule } from '@nestjs/schedule';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { WinstonModule } from 'nest-winston';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { format, transports } from 'winston';

class PingController {
  ping() {
    return { ok: true };
  }
}
Get('ping')(PingController.prototype, 'ping', Object.getOwnPropertyDescriptor(PingController.prototype, 'ping'));
Controller()(PingController);

class Tick {
  tick() {}
}
Interval(2000)(Tick.prototype, 'tick', Object.getOwnPropertyDescriptor(Tick.prototype, 'tick'));
Injectable()(Tick);

class AppModule {}
Module({ imports: [ConfigModule.forRoot({ ignoreEnvFile: true }), ScheduleModule.forRoot()], controllers: [PingController], providers: [Tick] })(AppModule);

collectDefaultMetrics({ register: new Registry(), eventLoopMonitoringPrecision: 1000 });
const logger = WinstonModule.createLogger({ transports: [new transports.Console({ format: format.simple() })] });
const app = /** @type {import('@nestjs/platform-fastify').NestFastifyApplication} */ (await NestFactory.create(AppModule, new FastifyAdapter(), { logger }));
app.useGlobalPipes(new ValidationPipe());
SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, new DocumentBuilder().build()));
await app.listen({ host: '127.0.0.1', port: 0 });
