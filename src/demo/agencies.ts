import type { NewAgency } from '../db/agencies.ts';

/** 湘潭县人民政府 and the reference agency 湘潭县信访局 (the seed report's author). */
export const demoCounty: NewAgency = {
  code: 'xiangtan',
  name: '湘潭县人民政府',
  kind: 'government',
  uscc: '11430321006186032A',
  address: '湖南省湘潭县易俗河镇天易大道',
  postcode: '411228',
  phone: '0731-57822001',
  officeHours: '工作日 8:00—12:00，14:30—17:30',
  website: 'http://www.xtx.gov.cn',
};

export const demoAgency: NewAgency = {
  code: 'xiangtan-xfj',
  name: '湘潭县信访局',
  kind: 'department',
  uscc: '11430321MB16134126',
  address: '湖南省湘潭县易俗河镇天易大道县政府大楼',
  postcode: '411228',
  phone: '0731-57822610',
  email: 'xtxxfj@example.gov.cn',
  officeHours: '工作日 8:00—12:00，14:30—17:30',
};
