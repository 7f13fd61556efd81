import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Agency } from '../../db/agencies.ts';
import { DocumentHead } from './documentHead.tsx';

export interface Crumb {
  label: string;
  href?: string;
}

export interface LayoutProps {
  title: string;
  /** The agency whose site this page belongs to; its name heads the page and its contact ends it. */
  agency?: Agency | null;
  breadcrumb?: Crumb[];
  /** Shown at the right of the header, e.g. the signed-in user. */
  account?: Child;
  children?: Child;
}

export function Layout({ title, agency, breadcrumb, account, children }: LayoutProps) {
  const site = agency?.name ?? '政府信息公开平台';
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN">
        <DocumentHead title={title === site ? title : `${title} - ${site}`} />
        <body>
          <a class="skip" href="#main">
            跳到正文
          </a>
          <header class="site-header">
            <div class="wrap">
              <a class="site-name" href={agency ? `/a/${agency.code}` : '/'}>
                {site}
              </a>
              <span class="site-tag">政府信息公开</span>
              {account ? <div class="account">{account}</div> : null}
            </div>
          </header>
          {breadcrumb && breadcrumb.length > 0 ? <Breadcrumb items={breadcrumb} /> : null}
          <main id="main" class="wrap">
            {children}
          </main>
          <Footer agency={agency} />
        </body>
      </html>
    </>
  );
}

function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav class="breadcrumb wrap" aria-label="当前位置">
      <ol>
        {items.map((item) => (
          <li>{item.href ? <a href={item.href}>{item.label}</a> : <span>{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

function Footer({ agency }: { agency?: Agency | null }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        {agency ? (
          <p>
            主办：{agency.name}
            {agency.address ? `　地址：${agency.address}` : ''}
            {agency.postcode ? `　邮编：${agency.postcode}` : ''}
            {agency.phone ? `　电话：${agency.phone}` : ''}
          </p>
        ) : (
          <p>政府信息公开平台</p>
        )}
        <p class="muted">依据《中华人民共和国政府信息公开条例》提供政府信息公开服务</p>
      </div>
    </footer>
  );
}
