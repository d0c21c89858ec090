import { overrideReasonProblem, statusReasonProblem } from './reasons.js';

describe('reasons', () => {
  it('accepts a short Chinese reason such as 战略客户 for an override', () => {
    expect(overrideReasonProblem('战略客户')).toBeNull();
    expect(overrideReasonProblem('工商登记系统核实，1998年旧代码')).toBeNull();
  });

  it('refuses an override reason that says too little, counting Latin letters one by one', () => {
    expect(overrideReasonProblem('  核 ')).toBe('REASON_TOO_SHORT');
    expect(overrideReasonProblem('ok')).toBe('REASON_TOO_SHORT');
    expect(overrideReasonProblem('legacy')).toBeNull();
  });

  it('accepts a short Chinese reason such as 战略客户 for churning an account', () => {
    expect(statusReasonProblem('CHURNED', '战略客户')).toBeNull();
    expect(statusReasonProblem('SUSPENDED', '欠费')).toBeNull();
  });

  it('requires a reason to suspend or churn, and one that says enough', () => {
    expect(statusReasonProblem('SUSPENDED', null)).toBe('REQUIRED');
    expect(statusReasonProblem('CHURNED', '   ')).toBe('REQUIRED');
    expect(statusReasonProblem('CHURNED', 'gone')).toBe('REASON_TOO_SHORT');
  });

  it('asks no reason to activate an account or win it back', () => {
    expect(statusReasonProblem('ACTIVE', null)).toBeNull();
    expect(statusReasonProblem('PROSPECT', null)).toBeNull();
  });
});
