// The shape of the case view's answer that the portal reads (services/case-view).
export interface Trend {
  readonly trend: 'up' | 'down' | 'same' | null;
}
export interface CaseSummary {
  readonly caseId: string;
  readonly clientKey: string | null;
  readonly municipalityId: string | null;
  readonly regie: { readonly ownerUserId: string | null; readonly ownerOrganisationId: string | null; readonly since: string } | null;
  readonly phase: string | null;
  readonly ladder: { readonly latest: { readonly ladderRung: number | null; readonly measuredOn: string | null }; readonly previousRung: number | null; readonly trend: Trend['trend'] } | null;
  readonly zrm: { readonly latestAverage: number; readonly previousAverage: number | null; readonly trend: Trend['trend'] } | null;
  readonly referrals: readonly {
    readonly referralId: string;
    readonly toOrganisationId: string | null;
    readonly toOrganisationType: string | null;
    readonly route: string | null;
    readonly replyDeadline: string | null;
    readonly status: string;
    readonly overdue: boolean;
    readonly declineReason: string | null;
  }[];
  readonly screeningAdvice: {
    readonly advisedRoute: string | null;
    readonly workCapacityHoursPerWeek: number | null;
    readonly recommendedHoursPerWeek: number | null;
    readonly functionalLimitations: readonly string[];
    readonly contraIndications: boolean | null;
    readonly reviewDate: string | null;
  } | null;
  readonly placements: readonly {
    readonly placementId: string;
    readonly sequence: number | null;
    readonly employerName: string | null;
    readonly role: string | null;
    readonly contractType: string | null;
    readonly hoursPerWeek: number | null;
    readonly startDate: string | null;
    readonly status: string;
    readonly lastReviewMonth: number | null;
    readonly endDate: string | null;
    readonly endReason?: string | null;
  }[];
  readonly funding: {
    readonly status: string;
    readonly requests: readonly {
      readonly fundingRequestId: string;
      readonly insurerId: string | null;
      readonly instrument: string | null;
      readonly decision: string;
      readonly grantedUnits: number | null;
      readonly grantedAmountCents?: number | null;
      readonly claims?: readonly {
        readonly claimId: string;
        readonly status: 'submitted' | 'settled' | 'rejected';
        readonly amountCents: number | null;
        readonly settledAmountCents: number | null;
        readonly rejectionReason: string | null;
      }[];
    }[];
  };
  readonly ips?: { readonly jobCoachId: string | null; readonly organisationId: string | null; readonly intakeSessionsHeld: number } | null;
  readonly inTreatment?: boolean | null;
  readonly benefit?: { readonly benefitType: string | null; readonly monthlyAmountCents: number | null; readonly status: 'running' | 'ended'; readonly endReasonCode: string | null } | null;
  readonly ending?: { readonly kind: 'dropped-out' | 'closed'; readonly phase: string | null; readonly reasonCode: string | null; readonly on: string } | null;
  readonly consents: readonly {
    readonly consentId: string;
    readonly purpose: string | null;
    readonly organisationTypes: readonly string[];
    readonly dataCategories: readonly string[];
    readonly status: string;
    readonly validFrom: string | null;
  }[];
  readonly reviews: readonly {
    readonly reviewId: string;
    readonly status: string;
    readonly scheduledFor: string | null;
    readonly heldOn: string | null;
    readonly decisionCount: number | null;
    readonly attendees?: readonly { readonly organisationId: string | null; readonly organisationType: string | null }[];
  }[];
  readonly actions: readonly {
    readonly actionId: string;
    readonly reviewId?: string | null;
    readonly ownerOrganisationId: string | null;
    readonly dueDate: string | null;
    readonly status: string;
    readonly overdue: boolean;
    readonly outcome?: string | null;
  }[];
}

export interface CaseAnswer {
  readonly caseId: string;
  readonly viewer: { readonly organisationType: string; readonly role: string };
  readonly summary: CaseSummary;
  readonly withheldForLackOfConsent: { readonly categories: readonly string[]; readonly items: number } | null;
}

export interface TimelineAnswer {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly {
    readonly eventId: string;
    readonly occurredAt: string;
    readonly name: string;
    readonly organisation: { readonly id: string | null; readonly type: string };
    readonly summary: { readonly nl: string; readonly en: string };
    readonly fieldsWithheldForLackOfConsent: readonly string[];
  }[];
}
