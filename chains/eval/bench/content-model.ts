import { fitLsaEmbedder } from '../../../knowledge/embedding/lsa-embedder.ts';
import type { CustomerProfile } from '../../../knowledge/preprocess/index.ts';
import { productDocument } from '../../../knowledge/product-document.ts';
import type { Product } from '../../../knowledge/schemas.ts';

/** How to fit the benchmark's LSA content model. */
export interface ContentModelOptions {
  /** LSA dimensions (default 128: the bench fits a fresh model every run, and 256 doubles the fit time). */
  dimensions?: number;
  /** Seed of the randomized SVD (default 42). */
  seed?: number;
}

/** Profile and product vectors in one LSA space, fitted on the train profiles and the product texts. */
export interface ContentModel {
  /** The embedder's id, e.g. `lsa:d128:…`, recorded with each bench run. */
  embedderId: string;
  /** One L2-normalised vector per profile, in profile order. */
  profileVectors: readonly Float64Array[];
  /** Cosine similarity of one profile to every product, as the live retriever's productSimilarity gives it. */
  similarity(profileIndex: number): Map<string, number>;
}

/**
 * Fits LSA on the profile documents (built from train data only) plus each product's store
 * document, then embeds both, exactly the texts the live store embeds.
 */
export async function fitContentModel(
  profiles: readonly CustomerProfile[],
  products: readonly Product[],
  options: ContentModelOptions = {},
): Promise<ContentModel> {
  const productTexts = products.map((product) => productDocument(product).text);
  const profileTexts = profiles.map((profile) => profile.document);
  const embedder = fitLsaEmbedder([...profileTexts, ...productTexts], {
    dimensions: options.dimensions ?? 128,
    seed: options.seed ?? 42,
  });
  const profileVectors = (await embedder.embedDocuments(profileTexts)).map((vector) =>
    Float64Array.from(vector),
  );
  const productVectors = (await embedder.embedDocuments(productTexts)).map((vector) =>
    Float64Array.from(vector),
  );
  return {
    embedderId: embedder.id,
    profileVectors,
    similarity(profileIndex) {
      const profile = profileVectors[profileIndex];
      if (profile === undefined) throw new RangeError(`No profile at index ${profileIndex}`);
      const similarities = new Map<string, number>();
      products.forEach((product, index) => {
        similarities.set(product.id, dot(profile, productVectors[index] as Float64Array));
      });
      return similarities;
    },
  };
}

/** Dot product; on L2-normalised vectors (zero vectors included) it is the cosine. */
export function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] as number) * (right[index] as number);
  return sum;
}
