import type { Alternative, EstimateLine, EstimateResult, EstimateUnable, FormulaStep } from '../api/estimates';
import { Classifier, type Candidate } from './classify';
import { convertToUsd2022, latestPublishedMonth, parsePeriod, type ConversionStep, type SpendPeriod } from './convert';
import type { EngineIndex } from './index-types';
import { findRule, findSupplierFactor, type SupplierFactor, type TenantContext, type TenantRule } from './tenant';
import { logSpread, roundKg, uncertaintyRange } from './uncertainty';

/** One input line: the API line plus the keyed hash the Worker computed for rule matching. */
export type EngineLine = EstimateLine & { descriptionHash?: string };

interface Classified {
  naics: string;
  naicsTitle: string;
  confidence: number;
  alternatives: Alternative[];
  classificationSource: 'tenant-rule' | 'given-code' | 'classifier';
  rule?: TenantRule;
  factor: number | null;
}

const CPI_CAVEAT = 'CPI-U (all items) approximates the producer-price deflation EPA uses per commodity';

export class EstimationEngine {
  readonly classifier: Classifier;
  private readonly codeIndex: Map<string, number>;
  private readonly sigmaAll: number;

  constructor(readonly index: EngineIndex) {
    this.classifier = new Classifier(index);
    this.codeIndex = new Map(index.codes.map((c, i) => [c, i]));
    this.sigmaAll = logSpread(index.factors);
  }

  factorOf(naics: string): number | null {
    const i = this.codeIndex.get(naics);
    return i === undefined ? null : this.index.factors[i]!;
  }

  titleOf(naics: string): string | undefined {
    const i = this.codeIndex.get(naics);
    return i === undefined ? undefined : this.index.titles[i];
  }

  /** Estimates one line; every failure becomes a `status: 'unable'` result, never a throw. */
  estimate(line: EngineLine, tenant: TenantContext = {}): EstimateResult {
    try {
      return this.estimateUnsafe(line, tenant);
    } catch (error) {
      return { status: 'unable', reasonCode: 'invalid-input', reason: `line could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private classify(line: EngineLine, tenant: TenantContext): Classified | { unknownCode: string } | null {
    const rule = findRule(tenant.rules, line);
    if (rule) {
      const title = this.titleOf(rule.naics);
      if (title === undefined) return { unknownCode: rule.naics };
      return { naics: rule.naics, naicsTitle: title, confidence: 1, alternatives: [], classificationSource: 'tenant-rule', rule, factor: this.factorOf(rule.naics) };
    }
    if (line.naics !== undefined && this.titleOf(line.naics) !== undefined) {
      return { naics: line.naics, naicsTitle: this.titleOf(line.naics)!, confidence: 1, alternatives: [], classificationSource: 'given-code', factor: this.factorOf(line.naics) };
    }
    const out = this.classifier.classify(line.description);
    if (!out.best) return null;
    return {
      naics: out.best.naics,
      naicsTitle: out.best.title,
      confidence: out.best.confidence,
      alternatives: out.alternatives.slice(0, 3).map(toAlternative),
      classificationSource: 'classifier',
      factor: out.best.factorKgPerUsd,
    };
  }

  private estimateUnsafe(line: EngineLine, tenant: TenantContext): EstimateResult {
    if (typeof line?.description !== 'string' || line.description.trim() === '') {
      return { status: 'unable', reasonCode: 'invalid-input', reason: 'description is required' };
    }
    const classified = this.classify(line, tenant);
    if (classified === null) {
      const hasSupplierFactor = findSupplierFactor(tenant.supplierFactors, line.supplier, line.date ?? tenant.today) !== undefined;
      const reason = hasSupplierFactor
        ? "no NAICS category matches the description; the supplier's own factor needs a category too: add a supplier rule"
        : 'no NAICS category matches the description; add detail or a tenant rule';
      return { status: 'unable', reasonCode: 'unclassifiable', reason };
    }
    if ('unknownCode' in classified) {
      return { status: 'unable', reasonCode: 'invalid-input', reason: `tenant rule names ${classified.unknownCode}, which is not a 2017 NAICS code` };
    }
    const classification = {
      naics: classified.naics,
      naicsTitle: classified.naicsTitle,
      confidence: classified.confidence,
      alternatives: classified.alternatives,
      classificationSource: classified.classificationSource,
      ...(classified.rule ? { rule: { id: classified.rule.id, version: classified.rule.version, kind: classified.rule.kind } } : {}),
    };
    const supplierFactor = findSupplierFactor(tenant.supplierFactors, line.supplier, line.date ?? tenant.today);
    if (classified.factor === null && !supplierFactor) {
      return { status: 'unable', reasonCode: 'no-factor', reason: noFactorReason(classified.naics, classified.naicsTitle), classification };
    }

    const amount = line.amount ?? (line.unitPrice !== undefined && line.quantity !== undefined ? line.unitPrice * line.quantity : undefined);
    const steps: FormulaStep[] = [];
    const dataset = this.index.factorDataset;
    const epaFactor = {
      value: classified.factor ?? 0,
      unit: dataset.unit,
      dataset: dataset.name,
      version: dataset.version,
    };

    if (supplierFactor) {
      const viaUnits = supplierFactor.kgPerUnit !== undefined && line.quantity !== undefined;
      if (viaUnits || supplierFactor.kgPerUsd !== undefined) {
        return this.supplierEstimate(line, amount, supplierFactor, viaUnits, classification, epaFactor);
      }
    }
    if (classified.factor === null) {
      return { status: 'unable', reasonCode: 'no-factor', reason: `EPA v1.3 has no factor for NAICS ${classified.naics}, and the supplier factor needs a quantity`, classification };
    }

    steps.push({
      step: 'factor',
      label: 'Emission factor',
      value: classified.factor,
      unit: dataset.unit,
      source: `${dataset.name} v${dataset.version}, NAICS ${classified.naics}, with margins`,
    });
    if (amount === undefined) {
      return { status: 'classified', ...classification, calculationMethod: 'spend-based', factor: epaFactor, kgCO2e: null, range: null, provisional: false, steps };
    }
    const conversion = this.convert(amount, line.currency, line.date, tenant.today);
    if (!conversion.ok) return { status: 'unable', reasonCode: 'conversion', reason: conversion.reason, classification };
    const { step, notes } = conversion;
    steps.unshift(...conversionSteps(amount, step, notes));
    const kg = step.usd2022 * classified.factor;
    if (!Number.isFinite(kg)) return tooLarge(classification);
    steps.push({ step: 'result', label: 'kg CO2e = USD (2022) × factor', value: roundKg(kg), unit: 'kg CO2e' });
    const candidates = classified.classificationSource === 'classifier'
      ? [{ factor: classified.factor, probability: classified.confidence }, ...classified.alternatives.flatMap((a) => (a.factorKgPerUsd === null ? [] : [{ factor: a.factorKgPerUsd, probability: a.confidence }]))]
      : [{ factor: classified.factor, probability: 1 }];
    return {
      status: 'estimated',
      ...classification,
      calculationMethod: 'spend-based',
      factor: epaFactor,
      kgCO2e: roundKg(kg),
      range: uncertaintyRange(kg, classified.factor, candidates, this.sigmaAll),
      provisional: step.provisional,
      steps,
    };
  }

  private supplierEstimate(
    line: EngineLine,
    amount: number | undefined,
    factor: SupplierFactor,
    viaUnits: boolean,
    classification: Omit<Classified, 'factor' | 'rule'> & { rule?: { id: string; version: number; kind: TenantRule['kind'] } },
    epaFactor: { value: number; unit: string; dataset: string; version: string },
  ): EstimateResult {
    const applied = { id: factor.id, version: factor.version, supplier: factor.supplier, source: factor.source };
    const base = { ...classification, calculationMethod: 'supplier-specific' as const, supplierFactor: applied };
    if (viaUnits) {
      const quantity = line.quantity!;
      const kg = quantity * factor.kgPerUnit!;
      if (!Number.isFinite(kg)) return tooLarge(classification);
      const unit = `kg CO2e/${factor.unit ?? 'unit'}`;
      return {
        status: 'estimated',
        ...base,
        factor: { value: factor.kgPerUnit!, unit, dataset: `supplier factor ${factor.id}`, version: String(factor.version) },
        kgCO2e: roundKg(kg),
        range: { low: roundKg(kg), high: roundKg(kg) },
        provisional: false,
        steps: [
          { step: 'quantity', label: 'Quantity', value: quantity, unit: factor.unit ?? 'unit' },
          { step: 'factor', label: 'Supplier-specific factor', value: factor.kgPerUnit!, unit, source: factor.source },
          { step: 'result', label: 'kg CO2e = quantity × supplier factor', value: roundKg(kg), unit: 'kg CO2e' },
        ],
      };
    }
    const factorInfo = { value: factor.kgPerUsd!, unit: 'kg CO2e/USD (nominal, purchase date)', dataset: `supplier factor ${factor.id}`, version: String(factor.version) };
    const factorStep: FormulaStep = { step: 'factor', label: 'Supplier-specific factor', value: factor.kgPerUsd!, unit: factorInfo.unit, source: factor.source };
    if (amount === undefined) {
      return { status: 'classified', ...base, factor: factorInfo, kgCO2e: null, range: null, provisional: false, steps: [factorStep] };
    }
    // A supplier's intensity is per dollar of its own revenue in that year: no deflation.
    const conversion = this.convert(amount, line.currency, line.date, undefined);
    if (!conversion.ok) return { status: 'unable', reasonCode: 'conversion', reason: conversion.reason, classification };
    const { step, notes } = conversion;
    const kg = step.usd * factor.kgPerUsd!;
    if (!Number.isFinite(kg)) return tooLarge(classification);
    void epaFactor;
    return {
      status: 'estimated',
      ...base,
      factor: factorInfo,
      kgCO2e: roundKg(kg),
      range: { low: roundKg(kg), high: roundKg(kg) },
      provisional: step.provisional,
      steps: [
        ...conversionSteps(amount, step, notes).filter((s) => s.step !== 'deflator'),
        factorStep,
        { step: 'result', label: 'kg CO2e = USD × supplier factor', value: roundKg(kg), unit: 'kg CO2e' },
      ],
    };
  }

  private convert(amount: number, currency: string | undefined, date: string | undefined, today: string | undefined) {
    const notes: string[] = [];
    if (currency === undefined) notes.push('currency not given: USD assumed');
    let period: SpendPeriod | undefined;
    const when = date ?? today;
    if (when !== undefined) {
      period = parsePeriod(when);
      if (!period) return { ok: false as const, reason: `date ${when} is not YYYY-MM-DD, YYYY-MM or YYYY` };
    } else {
      period = latestPublishedMonth(this.index);
      notes.push(`no date given: the latest published month (${period.year}-${String(period.month).padStart(2, '0')}) used, provisional`);
    }
    const result = convertToUsd2022(this.index, amount, currency ?? 'USD', period);
    if (!result.ok) return result;
    // An undated purchase is priced at a guessed month: provisional until it is dated.
    const step = when === undefined ? { ...result.step, provisional: true } : result.step;
    return { ok: true as const, step, notes: [...notes, ...result.step.notes] };
  }
}

function noFactorReason(naics: string, title: string): string {
  const missing = `EPA v1.3 has no factor for NAICS ${naics} (${title})`;
  if (!naics.startsWith('2211')) return missing;
  return `${missing}: purchased electricity is Scope 2, reported with a grid emission factor (location- or market-based); a supplier factor for this supplier prices it here`;
}

function tooLarge(classification: EstimateUnable['classification']): EstimateUnable {
  return { status: 'unable', reasonCode: 'invalid-input', reason: 'the amount is too large to estimate', classification };
}

function toAlternative(c: Candidate): Alternative {
  return { naics: c.naics, naicsTitle: c.title, confidence: c.confidence, factorKgPerUsd: c.factorKgPerUsd };
}

function conversionSteps(amount: number, s: ConversionStep, notes: string[]): FormulaStep[] {
  const steps: FormulaStep[] = [{ step: 'amount', label: 'Amount', value: amount, unit: s.currency }];
  if (s.currency !== 'USD') {
    steps.push({
      step: 'currency-rate',
      label: `Exchange rate (${s.unitsPerUsd} ${s.currency} per USD)`,
      value: s.usdPerUnit,
      unit: `USD/${s.currency}`,
      period: s.ratePeriod ?? undefined,
      source: s.rateSource ?? undefined,
      provisional: s.ratePeriod !== null && s.notes.some((n) => n.includes('rate')),
    });
    steps.push({ step: 'usd', label: 'Amount in USD', value: s.usd, unit: 'USD' });
  }
  steps.push({
    step: 'deflator',
    label: `Deflator to 2022 USD (CPI-U 2022 average ${s.cpiBase2022} / ${s.cpiPeriod} ${s.cpi})`,
    value: s.deflator,
    period: s.cpiPeriod,
    source: `BLS CPI-U, US city average, all items, NSA; ${CPI_CAVEAT}`,
    provisional: s.notes.some((n) => n.includes('CPI')),
  });
  steps.push({ step: 'usd-2022', label: 'Spend in 2022 USD', value: s.usd2022, unit: 'USD (2022)' });
  for (const note of notes) steps.push({ step: 'note', label: note, value: null });
  return steps;
}
