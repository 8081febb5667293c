// The Chinese text fetch looks for on government sites, in one place: report link titles,
// pagination words, page meta labels, report content, and anti-bot pages.
import { DISCLOSURE_NAME, REPORT_NAME } from '../templates/report-title.js';

/** A link to an annual report: both parts in its text or title (a site's `title` replaces this). */
export const REPORT_TITLE = [REPORT_NAME, DISCLOSURE_NAME];

/** Pagination link texts. */
export const NEXT_PAGE = /^\s*(下一页|下页|后一页|>|›|»|＞)\s*$/;

/** Query parameters that number list pages. */
export const PAGE_PARAMS = ['page', 'pageNo', 'pageNum', 'pageIndex', 'PageIndex', 'currPage', 'cur_page', 'curPage', 'p'];

/** Attachments by file name, and download handlers by path. */
export const ATTACHMENT_EXTENSION = /\.(pdf|docx?|wps|ofd)$/i;
export const DOWNLOAD_HANDLER = /(downfile|download|filedown|getfile|fileDownload|attachment|\/attach\/)/i;

/** Text of a page that is a report itself: the template's table labels. */
export const REPORT_CONTENT = [/本年新收政府信息公开申请数量/, /收到和处理政府信息公开申请情况/];

/** Detail page meta: label, then the value. */
export const META_PUBLISHED = /(?:发布日期|发布时间|成文日期|发文日期)\s*[：:]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
export const META_PUBLISHER = /(?:发布机构|发文机关|发布单位|信息来源|来源)\s*[：:]\s*([^\s|｜，,;；]+)/;
export const META_INDEX = /索引号\s*[：:]?\s*([A-Za-z0-9][A-Za-z0-9\-/_.]*)/;

/** Anti-bot pages: captchas and JavaScript challenges. Never bypassed, recorded as E_BLOCKED. */
export const CAPTCHA = /验证码|captcha|滑动验证|滑块验证|人机验证|安全验证|geetest|recaptcha|hcaptcha|请完成验证/i;
export const CHALLENGE = /__jsl_clearance|\$_ts\s*=|_waf_|cdn-cgi\/challenge-platform|Just a moment|Checking your browser|enable JavaScript|请开启JavaScript|请启用JavaScript|访问过于频繁|安全威胁|访问被拦截/i;
