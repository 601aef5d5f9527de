// How a finding's review status is named, everywhere it is shown: exports, the targets table, the
// review page, the finding panel. Pure data, no imports: the web app imports it as it is.

export const STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  accepted: { zh: '已接受', en: 'Accepted' },
  corrected: { zh: '已更正', en: 'Corrected' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  added: { zh: '补录', en: 'Added' },
  /** Queue filters: anything but pending, and everything. */
  reviewed: { zh: '已审核', en: 'Reviewed' },
  all: { zh: '全部', en: 'All' },
};
