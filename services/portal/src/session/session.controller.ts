// Who is signed in, development sign-in as one of the demo users, and sign-out.
// Production sign-in (OpenID Connect, authorisation code + PKCE) is not built yet: with
// NODE_ENV=production the development sign-in is refused and nobody can sign in.
import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProblemException, Public, signDevelopmentToken } from '@wcc/nest-kit';
import { demoUsers, type DemoUserName } from '@wcc/demo-seeds';
import { devSignInEnabled, secureCookies } from '../config';
import { SessionGuard, requirePortalHeader, type RequestWithSession } from './session.guard';
import { clearedSessionCookie, cookieValue, SESSION_COOKIE, sessionCookie, SessionStore, type PortalUser } from './session.store';

const isDemoUserName = (name: unknown): name is DemoUserName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(demoUsers, name);

const publicUser = (user: PortalUser) => ({
  userId: user.userId,
  organisationId: user.organisationId,
  organisationType: user.organisationType,
  roles: user.roles,
  description: user.description,
});

// The browser's session cookie decides, not a bearer token; see SessionGuard.
@Public()
@ApiTags('session')
@Controller('api')
export class SessionController {
  constructor(private readonly sessions: SessionStore) {}

  @Get('dev/users')
  @ApiOperation({ summary: 'The demo users one may sign in as (development only)' })
  users() {
    if (!devSignInEnabled()) throw ProblemException.notFound('Development sign-in is off in production.');
    return { users: Object.entries(demoUsers).map(([name, user]) => ({ name, ...publicUser(user) })) };
  }

  @Post('dev/sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in as a demo user with a development token (development only)' })
  async signIn(@Body() body: unknown, @Req() request: RequestWithSession, @Res({ passthrough: true }) response: Response) {
    requirePortalHeader(request);
    if (!devSignInEnabled()) throw ProblemException.notFound('Development sign-in is off in production.');
    const name = (body as { user?: unknown } | null)?.user;
    if (!isDemoUserName(name)) throw ProblemException.validation([{ field: '/user', reason: 'is not one of the demo users', reasonNl: 'is geen van de demogebruikers' }]);
    const user = demoUsers[name];
    const token = await signDevelopmentToken({ userId: user.userId, organisationId: user.organisationId, organisationType: user.organisationType, roles: user.roles });
    this.sessions.close(cookieValue(request.headers['cookie'], SESSION_COOKIE));
    const session = this.sessions.open(user, token);
    response.setHeader('set-cookie', sessionCookie(session.id, secureCookies()));
    return { user: publicUser(user) };
  }

  @Get('session')
  @UseGuards(SessionGuard)
  @ApiOperation({ summary: 'The signed-in user (401 when nobody is)' })
  session(@Req() request: RequestWithSession) {
    return { user: publicUser(request.portalSession!.user) };
  }

  @Post('session/sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session and its token are forgotten' })
  signOut(@Req() request: RequestWithSession, @Res({ passthrough: true }) response: Response): void {
    requirePortalHeader(request);
    this.sessions.close(cookieValue(request.headers['cookie'], SESSION_COOKIE));
    response.setHeader('set-cookie', clearedSessionCookie(secureCookies()));
  }
}
