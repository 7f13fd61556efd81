export { todayInChina } from '../law/date.ts';
