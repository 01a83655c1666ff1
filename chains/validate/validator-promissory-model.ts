import { ARTICLES_DIR, loadArticles } from '../../knowledge/knowledge-articles.ts';
import { findPromissoryLanguage } from './check-promissory-language.ts';
import { ensurePromissoryModel, type PromissoryModel } from './promissory-model.ts';
import { PROMISSORY_PARAPHRASE_FILES } from './promissory-suite.ts';

/** Help-centre sentences the patterns pass: compliant prose the promissory classifier also learns from. */
export async function articleSentences(): Promise<string[]> {
  const articles = await loadArticles(ARTICLES_DIR);
  return articles
    .flatMap((article) => article.body.split(/(?<=[.!?])\s+|\n+/))
    .map((sentence) => sentence.replace(/^[#>*\-\s\d.]+/, '').trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4 && findPromissoryLanguage(sentence).length === 0);
}

/**
 * The one call `npm start` / `train:understanding` make for the validator: the stored promissory model,
 * trained first when the suite, the articles or the settings changed. Pass it as
 * `ValidationContext.promissoryModel`; without it the patterns alone decide.
 */
export async function ensureValidatorPromissoryModel(storeDir: string): Promise<PromissoryModel> {
  const byPatterns = (sentence: string) => findPromissoryLanguage(sentence).length > 0;
  const { model } = await ensurePromissoryModel(storeDir, byPatterns, {
    extraCompliant: await articleSentences(),
    paraphraseFiles: PROMISSORY_PARAPHRASE_FILES,
  });
  return model;
}
