/** Check stage: consistency rules per report and across years. */
export { checkReport, checkB1, checkB2, checkB3, checkC1, checkN1, type CheckedReport } from './rules';
export { checkX1, checkAcrossYears, type YearReport } from './cross-year';
