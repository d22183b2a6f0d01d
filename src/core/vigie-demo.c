/* vigie-demo.c — a realistic, deterministic generated dataset of any size.
 *
 * Everything is drawn from one xoshiro256** generator seeded (through splitmix64) with
 * options->seed, and every date is relative to options->today, so the same seed, sizes and
 * day always give the same rows. The whole dataset is written in one transaction, in bulk
 * mode: no FTS triggers (one FTS rebuild at the end), no figure-summary triggers (the
 * generator counts the summaries itself as it writes the rows), rows batched into
 * multi-row INSERTs with explicit ids, time-ordered UUIDs, the indexes on randomly ordered
 * keys created at the end, CHECK constraints not evaluated and foreign keys off (both hold
 * by construction; test-demo checks them), a rollback journal instead of WAL. A million
 * findings (some ten million rows) take 45 to 65 s of CPU time; see tests/bench/RESULTS.md.
 *
 * Names of sites, companies and organisations are fictional; places (countries, provinces,
 * cities, industrial zones) and chemical substances (names, CAS numbers, hazard codes) are
 * real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vigie-demo.h"
#include "vigie-site.h"
#include "vigie-store-private.h"
#include "vigie-reference.h"
#include "vigie-util.h"
#include "vigie-validate.h"

/* ─── Deterministic generator ────────────────────────────────────────────── */

typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_seed (Rng     *rng,
          guint64  seed)
{
  guint64 x = seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, n). */
static inline guint
rng_below (Rng   *rng,
           guint  n)
{
  if (n == 0)
    return 0;
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline gint
rng_range (Rng  *rng,
           gint  lo,
           gint  hi)
{
  if (hi <= lo)
    return lo;
  return lo + (gint) rng_below (rng, (guint) (hi - lo + 1));
}

static inline double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static inline gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

static double
rng_normal (Rng *rng)
{
  double u1 = rng_double (rng), u2 = rng_double (rng);

  if (u1 < 1e-300)
    u1 = 1e-300;
  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* Index into WEIGHTS (N entries summing to TOTAL). */
static guint
rng_weighted (Rng          *rng,
              const guint  *weights,
              guint         n,
              guint         total)
{
  guint r = rng_below (rng, total);

  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])
/* A translated entry of TABLE (translated copy in d->tr_NAME). */
#define PICK_TR(d, name, table) ((d)->tr_##name[rng_below (&(d)->rng, G_N_ELEMENTS (table))])

/* ─── Reference material (real places, fictional names) ─────────────────── */

typedef enum
{
  STYLE_CN,
  STYLE_TW,
  STYLE_VN,
  STYLE_TH,
  STYLE_KR,
  STYLE_JP,
  STYLE_LATIN,
} NameStyle;

typedef struct
{
  const char *code;
  guint       weight;          /* share of sites, per cent */
  NameStyle   style;
  const char *name_format;     /* STYLE_LATIN: "%s" = a fictional brand-like word */
  const char *currency;        /* local currency for remedy amounts */
  guint       minor_per_unit;  /* 100, or 1 for currencies without minor units */
  double      migrant_lo, migrant_hi;
  double      agency_hi;
  gboolean    students;
} DemoCountry;

static const DemoCountry countries[] = {
  { "CN", 45, STYLE_CN, NULL, "CNY", 100, 0.30, 0.70, 0.35, TRUE },
  { "TW", 6, STYLE_TW, NULL, "TWD", 100, 0.10, 0.40, 0.10, FALSE },
  { "VN", 9, STYLE_VN, NULL, "VND", 1, 0.00, 0.15, 0.20, FALSE },
  { "MY", 6, STYLE_LATIN, "%s Electronics (M) Sdn. Bhd.", "MYR", 100, 0.30, 0.70, 0.25, FALSE },
  { "TH", 5, STYLE_TH, NULL, "THB", 100, 0.20, 0.60, 0.25, FALSE },
  { "PH", 4, STYLE_LATIN, "%s Electronics Philippines, Inc.", "PHP", 100, 0.00, 0.05, 0.40, FALSE },
  { "ID", 2, STYLE_LATIN, "PT %s Elektronik Indonesia", "IDR", 100, 0.00, 0.20, 0.40, FALSE },
  { "MX", 7, STYLE_LATIN, "%s Electrónica de México, S.A. de C.V.", "MXN", 100, 0.05, 0.30, 0.35, FALSE },
  { "CZ", 2, STYLE_LATIN, "%s Electronics CZ s.r.o.", "CZK", 100, 0.10, 0.40, 0.50, FALSE },
  { "HU", 2, STYLE_LATIN, "%s Elektronika Kft.", "HUF", 100, 0.05, 0.30, 0.50, FALSE },
  { "PL", 2, STYLE_LATIN, "%s Elektronika Sp. z o.o.", "PLN", 100, 0.10, 0.40, 0.45, FALSE },
  { "IN", 4, STYLE_LATIN, "%s Electronics India Pvt. Ltd.", "INR", 100, 0.10, 0.50, 0.40, FALSE },
  { "KR", 2, STYLE_KR, NULL, "KRW", 1, 0.00, 0.15, 0.15, FALSE },
  { "JP", 1, STYLE_JP, NULL, "JPY", 1, 0.00, 0.15, 0.20, FALSE },
  { "BR", 2, STYLE_LATIN, "%s Eletrônica do Brasil Ltda.", "BRL", 100, 0.00, 0.10, 0.20, FALSE },
};

typedef struct
{
  const char *country;
  const char *province;
  const char *city;
  const char *zone;          /* district or industrial zone of the address */
  const char *native_city;   /* CN/TW/JP: city in the local script for native names */
  double      lat, lon;
  guint       weight;        /* within the country */
} DemoCity;

static const DemoCity cities[] = {
  { "CN", "Guangdong", "Shenzhen", "Bao'an District", "深圳", 22.555, 113.883, 9 },
  { "CN", "Guangdong", "Shenzhen", "Longhua District", "深圳", 22.696, 114.045, 8 },
  { "CN", "Guangdong", "Dongguan", "Chang'an Town", "东莞", 22.816, 113.806, 8 },
  { "CN", "Guangdong", "Huizhou", "Zhongkai Hi-tech Zone", "惠州", 23.043, 114.333, 4 },
  { "CN", "Guangdong", "Guangzhou", "Huangpu District", "广州", 23.106, 113.480, 3 },
  { "CN", "Guangdong", "Zhuhai", "Xiangzhou District", "珠海", 22.271, 113.577, 2 },
  { "CN", "Jiangsu", "Suzhou", "Suzhou Industrial Park", "苏州", 31.318, 120.719, 7 },
  { "CN", "Jiangsu", "Kunshan", "Kunshan Development Zone", "昆山", 31.385, 120.981, 6 },
  { "CN", "Jiangsu", "Wuxi", "Xinwu District", "无锡", 31.550, 120.355, 3 },
  { "CN", "Jiangsu", "Nanjing", "Jiangning District", "南京", 31.953, 118.840, 2 },
  { "CN", "Shanghai", "Shanghai", "Songjiang District", "上海", 31.032, 121.228, 5 },
  { "CN", "Shanghai", "Shanghai", "Pudong New Area", "上海", 31.221, 121.544, 3 },
  { "CN", "Sichuan", "Chengdu", "Pidu District", "成都", 30.795, 103.888, 4 },
  { "CN", "Sichuan", "Mianyang", "Fucheng District", "绵阳", 31.468, 104.679, 1 },
  { "CN", "Henan", "Zhengzhou", "Zhengzhou Airport Economy Zone", "郑州", 34.527, 113.852, 5 },
  { "TW", "Hsinchu County", "Hsinchu", "Hsinchu Science Park", "新竹", 24.781, 121.006, 4 },
  { "TW", "Taoyuan City", "Taoyuan", "Guishan District", "桃園", 25.009, 121.383, 3 },
  { "TW", "Taichung City", "Taichung", "Taichung Industrial Park", "台中", 24.170, 120.600, 2 },
  { "TW", "Kaohsiung City", "Kaohsiung", "Nanzi Technology Industrial Park", "高雄", 22.706, 120.299, 2 },
  { "TW", "New Taipei City", "New Taipei", "Tucheng District", "新北", 24.972, 121.443, 2 },
  { "VN", "Bac Ninh", "Bac Ninh", "Yen Phong Industrial Park", NULL, 21.217, 105.970, 5 },
  { "VN", "Thai Nguyen", "Pho Yen", "Yen Binh Industrial Park", NULL, 21.435, 105.890, 3 },
  { "VN", "Hai Phong", "Hai Phong", "Trang Due Industrial Park", NULL, 20.770, 106.580, 2 },
  { "VN", "Bac Giang", "Viet Yen", "Quang Chau Industrial Park", NULL, 21.240, 106.100, 2 },
  { "VN", "Ho Chi Minh City", "Thu Duc", "Saigon Hi-Tech Park", NULL, 10.845, 106.795, 2 },
  { "MY", "Penang", "Bayan Lepas", "Bayan Lepas Free Industrial Zone", NULL, 5.300, 100.270, 5 },
  { "MY", "Kedah", "Kulim", "Kulim Hi-Tech Park", NULL, 5.410, 100.590, 2 },
  { "MY", "Johor", "Senai", "Senai Industrial Area", NULL, 1.600, 103.640, 2 },
  { "MY", "Selangor", "Shah Alam", "Section 26", NULL, 3.030, 101.540, 2 },
  { "TH", "Phra Nakhon Si Ayutthaya", "Bang Pa-in", "Bang Pa-in Industrial Estate", NULL, 14.235, 100.590, 3 },
  { "TH", "Pathum Thani", "Khlong Luang", "Nava Nakorn Industrial Estate", NULL, 14.100, 100.620, 3 },
  { "TH", "Chonburi", "Si Racha", "Pinthong Industrial Estate", NULL, 13.090, 100.990, 2 },
  { "TH", "Lamphun", "Mueang Lamphun", "Northern Region Industrial Estate", NULL, 18.560, 99.040, 1 },
  { "PH", "Laguna", "Calamba", "Carmelray Industrial Park", NULL, 14.190, 121.160, 3 },
  { "PH", "Cavite", "General Trias", "Gateway Business Park", NULL, 14.300, 120.910, 2 },
  { "PH", "Batangas", "Lipa", "Lima Technology Center", NULL, 14.010, 121.170, 2 },
  { "PH", "Cebu", "Lapu-Lapu", "Mactan Economic Zone", NULL, 10.315, 123.975, 1 },
  { "ID", "Riau Islands", "Batam", "Batamindo Industrial Park", NULL, 1.110, 104.050, 3 },
  { "ID", "West Java", "Bekasi", "Jababeka Industrial Estate", NULL, -6.290, 107.150, 2 },
  { "MX", "Jalisco", "Guadalajara", "El Salto", NULL, 20.520, -103.180, 4 },
  { "MX", "Chihuahua", "Ciudad Juárez", "Parque Industrial Antonio J. Bermúdez", NULL, 31.720, -106.420, 3 },
  { "MX", "Baja California", "Tijuana", "Otay Mesa", NULL, 32.530, -116.950, 2 },
  { "MX", "Tamaulipas", "Reynosa", "Parque Industrial Colonial", NULL, 26.060, -98.300, 2 },
  { "CZ", "Pardubice Region", "Pardubice", "Průmyslová zóna Staré Čívice", NULL, 50.030, 15.730, 2 },
  { "CZ", "Central Bohemian Region", "Kutná Hora", "Průmyslová zóna Kutná Hora", NULL, 49.960, 15.290, 1 },
  { "CZ", "South Moravian Region", "Brno", "Černovická terasa", NULL, 49.170, 16.660, 1 },
  { "HU", "Komárom-Esztergom", "Tatabánya", "Ipari Park", NULL, 47.570, 18.430, 2 },
  { "HU", "Komárom-Esztergom", "Komárom", "Ipari Park", NULL, 47.730, 18.140, 1 },
  { "HU", "Fejér", "Székesfehérvár", "Déli Ipari Park", NULL, 47.170, 18.420, 1 },
  { "PL", "Łódź Voivodeship", "Łódź", "Łódzka Specjalna Strefa Ekonomiczna", NULL, 51.740, 19.520, 2 },
  { "PL", "Pomeranian Voivodeship", "Tczew", "Pomorska Specjalna Strefa Ekonomiczna", NULL, 54.070, 18.790, 1 },
  { "PL", "Lower Silesian Voivodeship", "Wrocław", "Strefa Kobierzyce", NULL, 51.040, 16.940, 2 },
  { "IN", "Tamil Nadu", "Sriperumbudur", "SIPCOT Industrial Park", NULL, 12.960, 79.940, 3 },
  { "IN", "Uttar Pradesh", "Noida", "Sector 63", NULL, 28.620, 77.380, 3 },
  { "IN", "Karnataka", "Bengaluru", "Electronic City", NULL, 12.845, 77.660, 2 },
  { "KR", "Gyeongsangbuk-do", "Gumi", "Gumi National Industrial Complex", "구미", 36.105, 128.390, 3 },
  { "KR", "Gyeonggi-do", "Pyeongtaek", "Godeok Industrial Complex", "평택", 37.030, 127.050, 2 },
  { "KR", "Gyeonggi-do", "Suwon", "Yeongtong-gu", "수원", 37.250, 127.070, 1 },
  { "JP", "Kumamoto", "Kikuyo", "Kumamoto Technopolis", "菊陽", 32.870, 130.820, 2 },
  { "JP", "Mie", "Yokkaichi", "Kasumigaura", "四日市", 34.990, 136.640, 1 },
  { "BR", "Amazonas", "Manaus", "Polo Industrial de Manaus", NULL, -3.120, -59.960, 3 },
  { "BR", "São Paulo", "Jundiaí", "Distrito Industrial", NULL, -23.200, -46.930, 1 },
};

/* Chinese syllables: pinyin, simplified, traditional. */
static const char *const syllables[][3] = {
  { "hua", "华", "華" }, { "rui", "瑞", "瑞" }, { "xin", "鑫", "鑫" }, { "tai", "泰", "泰" },
  { "feng", "丰", "豐" }, { "da", "达", "達" }, { "sheng", "盛", "盛" }, { "yuan", "源", "源" },
  { "jia", "嘉", "嘉" }, { "hong", "鸿", "鴻" }, { "long", "隆", "隆" }, { "cheng", "成", "成" },
  { "kai", "凯", "凱" }, { "ming", "明", "明" }, { "tong", "通", "通" }, { "heng", "恒", "恆" },
  { "xiang", "祥", "祥" }, { "yu", "宇", "宇" }, { "bo", "博", "博" }, { "wei", "伟", "偉" },
  { "jin", "金", "金" }, { "an", "安", "安" }, { "fu", "富", "富" }, { "guang", "光", "光" },
};

static const char *const industries[][3] = {
  { "Electronics", "电子", "電子" }, { "Technology", "科技", "科技" },
  { "Precision", "精密", "精密" }, { "Optoelectronics", "光电", "光電" },
  { "Circuit", "电路", "電路" }, { "Power", "电源", "電源" },
};

static const char *const vn_names[][2] = {
  { "Tan Phu", "Tân Phú" }, { "Minh Long", "Minh Long" }, { "Hung Thinh", "Hưng Thịnh" },
  { "Phu Cuong", "Phú Cường" }, { "Binh Minh", "Bình Minh" }, { "Thanh Dat", "Thành Đạt" },
  { "Sao Mai", "Sao Mai" }, { "Dong A", "Đông Á" }, { "An Khang", "An Khang" },
  { "Truong Son", "Trường Sơn" },
};

static const char *const th_names[][2] = {
  { "Siam Rattana", "สยามรัตนา" }, { "Thanakorn", "ธนากร" }, { "Sombat", "สมบัติ" },
  { "Wattana", "วัฒนา" }, { "Chaiyo", "ไชโย" }, { "Rungroj", "รุ่งโรจน์" },
  { "Prasert", "ประเสริฐ" },
};

static const char *const kr_names[][2] = {
  { "Hanbit", "한빛" }, { "Haneul", "하늘" }, { "Mirae", "미래" }, { "Sejin", "세진" },
  { "Dongbaek", "동백" }, { "Purun", "푸른" }, { "Daeyang", "대양" },
};

static const char *const jp_names[][2] = {
  { "Kitano", "北野" }, { "Minato", "湊" }, { "Hoshino", "星野" }, { "Aozora", "青空" },
  { "Shirakawa", "白川" }, { "Takamine", "高峰" },
};

static const char *const word_prefixes[] = {
  "Aster", "Bryn", "Corva", "Delt", "Elva", "Fenn", "Galen", "Halc", "Isko", "Jorv",
  "Kestr", "Lumen", "Morv", "Nexa", "Ostr", "Pelic", "Quill", "Ruv", "Solv", "Tarn",
  "Umbr", "Vesp", "Wyn", "Zeph",
};
static const char *const word_suffixes[] = {
  "tek", "tron", "ion", "ics", "onix", "ara", "wave", "core", "lite", "forge",
};

static const char *const cn_roads[] = {
  "Gongye 3rd", "Xinhe", "Huanguan South", "Jinxiu", "Keji", "Chuangye", "Fuhua",
  "Zhongxing", "Xingye", "Changjiang",
};
static const char *const latin_streets[] = {
  "Industrial Avenue", "Technology Road", "Innovation Street", "Export Road",
  "Electronics Avenue", "Park Road", "Circuit Street", "Assembly Road",
};

static const char *const parent_groups[] = {
  "Halcyon Precision Group", "Jadeport Industrial Holdings", "Sunridge Manufacturing Group",
  "Evertide Electronics Holdings", "Orchid Lane Electronics", "Silverkite Components",
  "Graniteway EMS", "Bluecrane Industrial", "Redmaple Technology Group",
  "Stonebridge Electronic Works", "Moonharbour Holdings", "Ironleaf Manufacturing",
  "Cloudpeak Components", "Westbay Electronics Group", "Goldfinch Industrial",
  "Tidewater Precision",
};

/* Affiliates: fictional public buyers in real countries; CONSORTIUM indexes consortia[] + 1. */
typedef struct
{
  const char *name;
  const char *country;
  guint       consortium;
} DemoAffiliate;

static const char *const consortia[][2] = {
  { "Nordic Public ICT Buyers' Consortium", "SE" },
  { "Benelux Higher Education Purchasing Group", "NL" },
  { "Atlantic Municipal IT Procurement Alliance", "CA" },
  { "Iberian Hospital Procurement Network", "ES" },
};

static const DemoAffiliate affiliates[] = {
  { "Municipality of Norrvik", "SE", 1 }, { "Lindåsen Region", "SE", 1 },
  { "University of Ekhamn", "SE", 1 }, { "Västerby University Hospital", "SE", 0 },
  { "Fjellstad Municipality", "NO", 1 }, { "Nordhavn University College", "NO", 0 },
  { "Skovborg Municipality", "DK", 1 }, { "Region Østerlund", "DK", 0 },
  { "City of Järvelä", "FI", 1 }, { "Koivula University of Applied Sciences", "FI", 0 },
  { "Municipality of Brugvliet", "NL", 2 }, { "University of Leerdijk", "NL", 2 },
  { "City of Hoogbrugge", "BE", 2 }, { "Université de Montclair", "BE", 2 },
  { "Stadt Altenweiler", "DE", 0 }, { "Universitätsklinikum Rheinfeld", "DE", 0 },
  { "Landesamt für IT-Beschaffung Nordmark", "DE", 0 }, { "Ville de Saint-Aubrac", "FR", 0 },
  { "Centre hospitalier de Valmont", "FR", 4 }, { "Ajuntament de Vilamar", "ES", 4 },
  { "Hospital Universitario de Castrillo", "ES", 4 }, { "Universidade de Vale Serrano", "PT", 4 },
  { "Ballinmore County Council", "IE", 0 }, { "Borough of Ashcombe", "GB", 0 },
  { "University of Kingsmere", "GB", 0 }, { "Wyndham Hospitals NHS Trust", "GB", 0 },
  { "Stadt Grünfelden", "AT", 0 }, { "Comune di Valbrena", "IT", 0 },
  { "City of Port Alder", "CA", 3 }, { "Université de Saint-Rémi", "CA", 3 },
  { "Town of Maple Harbour", "CA", 3 }, { "City of Whitford", "US", 0 },
  { "Harrowgate County", "US", 0 }, { "Whitford State University", "US", 0 },
  { "Lakeshore Community Hospitals", "US", 0 }, { "Nordvik Public IT Services Agency", "SE", 1 },
  { "Estmark Digital Procurement Agency", "EE", 0 }, { "Gemeente Waterdam", "NL", 2 },
  { "Kaupunki Tammela", "FI", 1 }, { "Region Midtvest Indkøb", "DK", 0 },
};

static const char *const brands[][2] = {
  { "Corvatron", "US" }, { "Lumenwave Computing", "US" }, { "Nexapoint", "TW" },
  { "Halcyra Devices", "CN" }, { "Ostrix", "KR" }, { "Vesperon", "JP" },
  { "Tarnwick Systems", "US" }, { "Quillbyte", "CN" }, { "Zephyra Imaging", "JP" },
  { "Brynmoor Networks", "US" },
};

static const char *const contractors[][2] = {
  { "Nordlys IT-Partner AB", "SE" }, { "Kestrel Office Supply Ltd", "GB" },
  { "Veldkamp ICT B.V.", "NL" }, { "Axelgård Datahandel AS", "NO" },
  { "Solvang Digital A/S", "DK" }, { "Maplecrest Technology Inc.", "CA" },
  { "Brightwater Systems LLC", "US" }, { "Rheinfeld IT-Service GmbH", "DE" },
  { "Serveis Informàtics Vilamar S.L.", "ES" }, { "Hämeen Tietotekniikka Oy", "FI" },
  { "Infoservice Valmont SAS", "FR" }, { "Ashcombe Computing Ltd", "GB" },
};

static const char *const agencies[][2] = {
  { "Everbright Manpower Sdn. Bhd.", "MY" }, { "Kulim Staffing Solutions Sdn. Bhd.", "MY" },
  { "Himal Overseas Employment Pvt. Ltd.", "NP" }, { "Kathford Manpower Services", "NP" },
  { "Bayanihan Overseas Placement Agency", "PH" }, { "Sông Hồng Labour Supply JSC", "VN" },
  { "Irrawaddy Overseas Employment Agency", "MM" }, { "Shenzhen Jinqiao Labour Dispatch Co., Ltd.", "CN" },
  { "Taoyuan Harmony Manpower Agency", "TW" }, { "Chao Phraya Workforce Co., Ltd.", "TH" },
  { "Batam Karya Tenaga Kerja", "ID" }, { "Talento Temporal del Norte, S.A. de C.V.", "MX" },
  { "Personalservice Visegrád Kft.", "HU" }, { "Praca Plus Agencja Pracy Sp. z o.o.", "PL" },
};

static const char *const partners[][2] = {
  { "Pearl River Labour Research Centre", "CN" }, { "Yangtze Workers' Rights Observatory", "CN" },
  { "Formosa Labour Monitoring Network", "TW" }, { "Red River Workers' Support Centre", "VN" },
  { "Penang Migrant Workers' Research Group", "MY" }, { "Chao Phraya Labour Rights Monitor", "TH" },
  { "Laguna Workers' Assistance Centre", "PH" }, { "Centro de Monitoreo Laboral del Norte", "MX" },
  { "Sriperumbudur Labour Research Collective", "IN" }, { "Visegrád Labour Monitoring Association", "CZ" },
  { "Riau Islands Workers' Research Centre", "ID" }, { "Han River Labour Watch", "KR" },
};

static const char *const unions[][2] = {
  { "Electronics Workers' Union of Penang", "MY" }, { "Taoyuan Electronics Industry Union", "TW" },
  { "Sindicato Independiente de Trabajadores de la Electrónica", "MX" },
  { "Free Metalworkers' Union of Ayutthaya", "TH" }, { "Independent Electronics Workers of Batam", "ID" },
  { "Laguna Industrial Workers' Union", "PH" }, { "Odborová organizace Elektro Pardubice", "CZ" },
  { "Gumi Electronics Workers' Union", "KR" },
};

/* ─── Translatable text ──────────────────────────────────────────────────── */

/* Finding templates per theme: a title and a description, each may hold one "%u" (the
 * number drawn between LO and HI). */
typedef struct
{
  const char *theme;
  const char *title;
  const char *description;
  guint       lo, hi;
} FindingTemplate;

static const FindingTemplate finding_templates[] = {
  { "forced_labour", N_("Workers cannot resign without losing %u days of wages"),
    N_("Interviewed workers said that resigning before the end of the contract means forfeiting %u days of wages held back by the employer."), 15, 60 },
  { "forced_labour", N_("Overtime imposed under threat of dismissal"),
    N_("Workers reported being told they would be dismissed if they refused overtime; %u workers described the same threat."), 3, 40 },
  { "forced_labour", N_("Migrant workers housed in locked dormitories"),
    N_("Dormitory gates are locked from 22:00; %u migrant workers said they cannot leave without a supervisor's permission."), 5, 60 },
  { "recruitment_fees", N_("Migrant workers paid recruitment fees of up to %u US dollars"),
    N_("Workers recruited abroad paid agents in their home country fees of up to %u US dollars and took loans to pay them."), 800, 4500 },
  { "recruitment_fees", N_("Recruitment fees deducted from wages"),
    N_("Payslips show monthly deductions labelled \"agency service\" for the first %u months of employment."), 3, 12 },
  { "document_retention", N_("Passports held by the employer"),
    N_("The employer keeps the passports of %u migrant workers in the HR office; workers must apply in writing to get them back."), 10, 400 },
  { "document_retention", N_("Identity cards kept by the recruitment agency"),
    N_("The recruitment agency holds workers' identity cards \"for safekeeping\" during the first %u months."), 2, 6 },
  { "freedom_of_movement", N_("Workers need a pass to leave the dormitory on rest days"),
    N_("Workers living in the company dormitory must obtain a written pass; %u workers said passes were refused in peak season."), 3, 30 },
  { "child_labour", N_("Workers under 16 found on the production line"),
    N_("Monitors identified %u workers who appeared to be under 16, hired with borrowed identity documents."), 1, 6 },
  { "young_workers", N_("Workers under 18 on night shifts"),
    N_("%u workers aged 16 or 17 work night shifts and overtime, which the law prohibits for young workers."), 2, 30 },
  { "young_workers", N_("Young workers exposed to solvents"),
    N_("Workers under 18 work in the cleaning section where solvents are used; %u were identified."), 2, 20 },
  { "students_interns", N_("Student interns make up %u %% of a production line"),
    N_("Vocational school students work the same shifts and overtime as regular workers; they make up %u %% of the line in peak season."), 10, 60 },
  { "students_interns", N_("Internships unrelated to students' field of study"),
    N_("%u students of unrelated majors (nursing, accounting) were placed on assembly lines by their school."), 20, 400 },
  { "working_hours", N_("Workers worked up to %u hours a week in peak season"),
    N_("Time records and interviews show weeks of up to %u hours, far above the legal limit and the 60-hour limit of the code."), 66, 96 },
  { "working_hours", N_("Only one rest day a month during peak season"),
    N_("Workers had one rest day in %u days during the last peak season."), 20, 40 },
  { "working_hours", N_("Excessive overtime: %u hours a month"),
    N_("Monthly overtime reached %u hours, above the statutory maximum of 36 hours."), 60, 140 },
  { "wages", N_("Overtime paid at the normal rate"),
    N_("Payroll review shows overtime paid without the legal premium; the shortfall is about %u %% of monthly pay."), 5, 30 },
  { "wages", N_("Wages paid %u days late"),
    N_("Wages were paid %u days after the legal payday for several months."), 10, 45 },
  { "wages", N_("Unlawful deductions for uniforms and meals"),
    N_("Deductions for uniforms, meals and \"breakage\" amount to %u %% of the base wage."), 3, 20 },
  { "living_wage", N_("Base wage covers %u %% of a living wage"),
    N_("The base wage for a standard week covers %u %% of the local living wage estimate."), 40, 85 },
  { "regular_employment", N_("%u %% of workers hired through agencies"),
    N_("Agency workers make up %u %% of the workforce and do the same permanent jobs as direct employees."), 20, 70 },
  { "regular_employment", N_("Repeated short-term contracts"),
    N_("Workers have been on successive three-month contracts for up to %u years."), 2, 8 },
  { "health_safety", N_("Emergency exits blocked by stock"),
    N_("Monitors found %u emergency exits blocked or locked during working hours."), 1, 8 },
  { "health_safety", N_("No seats for workers standing %u hours a shift"),
    N_("Workers stand for %u hours a shift with no seats and few breaks."), 8, 12 },
  { "health_safety", N_("Occupational injuries not recorded"),
    N_("Workers described %u hand injuries at press machines that do not appear in the injury log."), 2, 25 },
  { "chemicals", N_("Workers exposed to n-hexane without respirators"),
    N_("Workers wiping screens use a cleaner containing n-hexane without respirators or local exhaust ventilation; %u workers reported dizziness."), 3, 40 },
  { "chemicals", N_("No safety data sheets in the workers' language"),
    N_("Safety data sheets for %u chemical products are available only in English."), 3, 25 },
  { "violence_harassment", N_("Supervisors shout at and insult workers"),
    N_("%u workers described daily verbal abuse by line supervisors."), 3, 40 },
  { "violence_harassment", N_("Workers fined for mistakes"),
    N_("Workers are fined up to %u %% of a day's pay for quality mistakes."), 5, 50 },
  { "gender_based_violence", N_("Sexual harassment of women workers by supervisors"),
    N_("%u women workers reported unwanted touching and comments by supervisors; none reported it internally for fear of dismissal."), 2, 20 },
  { "non_discrimination", N_("Job advertisements exclude workers over %u"),
    N_("Recruitment notices at the gate state an upper age limit of %u."), 30, 40 },
  { "non_discrimination", N_("Lower wages for migrant workers"),
    N_("Migrant workers earn about %u %% less than local workers for the same job."), 5, 25 },
  { "pregnancy", N_("Pregnancy tests before hiring"),
    N_("Women applicants are tested for pregnancy; %u workers said pregnant applicants were rejected."), 2, 20 },
  { "pregnancy", N_("Pregnant workers dismissed"),
    N_("%u workers were dismissed or pushed to resign after announcing a pregnancy."), 1, 10 },
  { "freedom_of_association", N_("Union organisers dismissed"),
    N_("%u workers who tried to form a union were dismissed within a month."), 1, 12 },
  { "freedom_of_association", N_("Worker representatives appointed by management"),
    N_("The worker committee's %u members were all appointed by management."), 3, 12 },
  { "collective_bargaining", N_("Employer refuses to bargain with the union"),
    N_("The employer has refused %u requests for collective bargaining."), 1, 6 },
  { "grievance", N_("No working grievance mechanism"),
    N_("The suggestion box has not been opened for %u months; workers do not know any other channel."), 3, 24 },
  { "non_retaliation", N_("Workers punished after speaking to monitors"),
    N_("%u workers were moved to night shifts after taking part in off-site interviews."), 1, 15 },
  { "legal_compliance", N_("Social insurance not paid for %u %% of workers"),
    N_("Social insurance contributions are not paid for %u %% of the workforce."), 10, 80 },
  { "legal_compliance", N_("No written employment contracts"),
    N_("%u workers interviewed had no written contract or no copy of it."), 3, 50 },
  { "working_hours", N_("Good practice: overtime capped and voluntary"),
    N_("Overtime is capped at %u hours a month and workers confirm it is voluntary."), 20, 36 },
  { "health_safety", N_("Good practice: elected health and safety committee"),
    N_("Workers elect a health and safety committee of %u members that meets monthly."), 4, 12 },
};

/* ILO convention for each theme (NULL: none). */
static const char *const theme_conventions[][2] = {
  { "forced_labour", "C029" }, { "recruitment_fees", "C181" }, { "document_retention", "C029" },
  { "freedom_of_movement", "C029" }, { "child_labour", "C138" }, { "young_workers", "C182" },
  { "working_hours", "C001" }, { "wages", "C095" }, { "living_wage", "C131" },
  { "regular_employment", "C181" }, { "health_safety", "C155" }, { "chemicals", "C170" },
  { "violence_harassment", "C190" }, { "gender_based_violence", "C190" },
  { "non_discrimination", "C111" }, { "pregnancy", "C183" },
  { "freedom_of_association", "C087" }, { "collective_bargaining", "C098" },
};

static const char *const company_responses[] = {
  "",
  N_("The employer denies the allegation."),
  N_("The employer acknowledged the issue and committed to a corrective action plan."),
  N_("The brand asked the contractor to investigate and report back within 30 days."),
  N_("The employer says the practice stopped after the last audit."),
  N_("The contractor forwarded the finding to the brand; no answer yet."),
  N_("The employer disputes the number of workers affected."),
  N_("The employer agreed to meet worker representatives."),
};

static const char *const finding_notes[] = {
  N_("Several sources; details withheld to protect the workers interviewed."),
  N_("Confirmed by a second round of off-site interviews."),
  N_("Raised with the brand in the quarterly call."),
  N_("Check again at the next follow-up visit."),
};

static const char *const action_descriptions[] = {
  N_("Repay the withheld amounts to every worker affected"),
  N_("Reduce working hours to the legal limit and record them accurately"),
  N_("Return identity documents and provide individual lockers"),
  N_("Reimburse recruitment fees and related costs"),
  N_("Install local exhaust ventilation and provide suitable respirators"),
  N_("Train supervisors on respectful treatment and set up a complaints procedure"),
  N_("Reinstate dismissed workers with back pay"),
  N_("Sign written contracts with all workers and give them a copy"),
  N_("Enrol all workers in social insurance and pay arrears"),
  N_("Clear emergency exits and hold an evacuation drill"),
  N_("Translate safety data sheets and train workers on chemical hazards"),
  N_("End the use of student interns on production lines"),
};

static const char *const root_causes[] = {
  "",
  N_("Production targets set without regard to capacity"),
  N_("Recruitment outsourced to agencies without oversight"),
  N_("No budget for health and safety"),
  N_("Management unaware of the legal requirements"),
  N_("Piece rates too low to earn the minimum wage in normal hours"),
};

static const char *const preventive_actions[] = {
  "",
  N_("Monthly review of time records by the worker committee"),
  N_("Employer-pays principle written into agency contracts"),
  N_("Annual chemical risk assessment with worker participation"),
  N_("Independent hotline with follow-up by the monitoring partner"),
};

static const char *const history_notes[] = {
  N_("Action opened after the investigation report"),
  N_("Corrective action plan received"),
  N_("Plan accepted by the monitoring partner"),
  N_("Plan rejected: no timeline and no budget"),
  N_("Work started"),
  N_("Employer reports the action complete"),
  N_("Workers confirmed the change in follow-up interviews"),
  N_("Monitor verified payroll records on site"),
  N_("Action closed"),
  N_("Workers dispute the employer's report"),
  N_("Escalated to the brand and the contractor"),
  N_("Abandoned: the site stopped the production line concerned"),
};

static const char *const evidence_summaries[] = {
  /* testimony, document, photo, payslip, contract, measurement, public_source */
  N_("Off-site interview describing the practice"),
  N_("Internal notice posted at the factory gate"),
  N_("Photo of the workplace taken by a worker"),
  N_("Payslip showing hours, rates and deductions"),
  N_("Employment contract given to the worker"),
  N_("Air measurement report of the work station"),
  N_("Local news report about the site"),
};

static const char *const site_notes[] = {
  N_("Access for off-site interviews arranged through the local partner."),
  N_("Management refused a site visit in the last round."),
  N_("Peak season from August to November."),
  N_("Dormitory run by a separate company."),
};

static const char *const departments[] = {
  N_("SMT line"), N_("Final assembly"), N_("Cleaning room"), N_("Plating workshop"),
  N_("Maintenance"), N_("Quality control"), N_("Warehouse"), N_("Coating line"),
};

static const char *const ppe_texts[] = {
  N_("Gloves and cotton masks"), N_("Nitrile gloves, safety glasses"),
  N_("Half-face respirators with organic vapour cartridges, nitrile gloves"),
  N_("Acid-resistant gloves, face shields and aprons"), N_("None"),
};

static const char *const controls_texts[] = {
  "", N_("General ventilation"), N_("Local exhaust ventilation at each work station"),
  N_("Enclosed process with extraction"),
};

/* ─── Chemicals (real substances, correct CAS numbers and CLP hazard codes) ── */

typedef struct
{
  const char *name;
  const char *cas;
  const char *ec;
  gboolean    svhc;
  const char *svhc_date;
  gboolean    sin;
  gboolean    rohs;
  const char *cmr;
  const char *hazards;          /* space-separated codes of hazard_statements */
  const char *unit;             /* exposure measurement unit */
  double      limit;            /* occupational exposure limit in UNIT (0: none) */
  const char *kind;             /* exposure measurement kind */
} DemoSubstance;

enum { S_HEXANE, S_BENZENE, S_TOLUENE, S_XYLENE, S_TCE, S_ACETONE, S_MEK, S_IPA, S_DCM,
       S_NMP, S_LEAD, S_CADMIUM, S_TIN, S_COPPER, S_NICKEL, S_HF, S_H2SO4, N_SUBSTANCES };

static const DemoSubstance substances[N_SUBSTANCES] = {
  [S_HEXANE] = { "n-Hexane", "110-54-3", "203-777-6", FALSE, NULL, FALSE, FALSE, "2",
                 "H225 H304 H315 H336 H361f H373 H411", "mg/m³", 100, "air" },
  [S_BENZENE] = { "Benzene", "71-43-2", "200-753-7", FALSE, NULL, TRUE, FALSE, "1A",
                  "H225 H304 H315 H319 H340 H350 H372", "mg/m³", 6, "air" },
  [S_TOLUENE] = { "Toluene", "108-88-3", "203-625-9", FALSE, NULL, TRUE, FALSE, "2",
                  "H225 H304 H315 H336 H361d H373", "mg/m³", 50, "air" },
  [S_XYLENE] = { "Xylene", "1330-20-7", "215-535-7", FALSE, NULL, FALSE, FALSE, NULL,
                 "H226 H304 H312 H315 H319 H332 H335 H373", "mg/m³", 50, "air" },
  [S_TCE] = { "Trichloroethylene", "79-01-6", "201-167-4", TRUE, "2010-06-18", TRUE, FALSE, "1B",
              "H315 H319 H336 H341 H350 H412", "mg/m³", 30, "air" },
  [S_ACETONE] = { "Acetone", "67-64-1", "200-662-2", FALSE, NULL, FALSE, FALSE, NULL,
                  "H225 H319 H336 EUH066", "mg/m³", 300, "air" },
  [S_MEK] = { "Butanone (methyl ethyl ketone)", "78-93-3", "201-159-0", FALSE, NULL, FALSE, FALSE, NULL,
              "H225 H319 H336 EUH066", "mg/m³", 300, "air" },
  [S_IPA] = { "Propan-2-ol (isopropanol)", "67-63-0", "200-661-7", FALSE, NULL, FALSE, FALSE, NULL,
              "H225 H319 H336", "mg/m³", 350, "air" },
  [S_DCM] = { "Dichloromethane", "75-09-2", "200-838-9", FALSE, NULL, TRUE, FALSE, "2",
              "H315 H319 H336 H351 H373", "mg/m³", 200, "air" },
  [S_NMP] = { "N-Methyl-2-pyrrolidone", "872-50-4", "212-828-1", TRUE, "2011-06-20", TRUE, FALSE, "1B",
              "H315 H319 H335 H360D", "mg/m³", 40, "air" },
  [S_LEAD] = { "Lead", "7439-92-1", "231-100-4", TRUE, "2018-06-27", TRUE, TRUE, "1A",
               "H360FD H362 H410", "µg/L", 400, "blood" },
  [S_CADMIUM] = { "Cadmium", "7440-43-9", "231-152-8", TRUE, "2013-06-20", TRUE, TRUE, "1B",
                  "H330 H341 H350 H361fd H372 H410", "µg/g creatinine", 5, "urine" },
  [S_TIN] = { "Tin", "7440-31-5", "231-141-8", FALSE, NULL, FALSE, FALSE, NULL,
              "", "mg/m³", 2, "air" },
  [S_COPPER] = { "Copper", "7440-50-8", "231-159-6", FALSE, NULL, FALSE, FALSE, NULL,
                 "", "mg/m³", 1, "air" },
  [S_NICKEL] = { "Nickel", "7440-02-0", "231-111-4", FALSE, NULL, FALSE, FALSE, "2",
                 "H317 H351 H372 H412", "mg/m³", 1, "air" },
  [S_HF] = { "Hydrogen fluoride (hydrofluoric acid)", "7664-39-3", "231-634-8", FALSE, NULL, FALSE, FALSE, NULL,
             "H300 H310 H314 H330", "mg/m³", 1, "air" },
  [S_H2SO4] = { "Sulfuric acid", "7664-93-9", "231-639-5", FALSE, NULL, FALSE, FALSE, NULL,
                "H290 H314", "mg/m³", 1, "air" },
};

typedef struct
{
  const char *trade_name;
  const char *process;
  guint       n;
  guint       substance[3];
  double      conc_min[3], conc_max[3];
  const char *unit;
} DemoRecipe;

static const DemoRecipe recipes[] = {
  { "IPA 99", "cleaning", 1, { S_IPA }, { 99 }, { 100 }, "L" },
  { "EC-200 Electronic Cleaner", "cleaning", 2, { S_ACETONE, S_IPA }, { 30, 30 }, { 60, 60 }, "L" },
  { "Screen Wipe Solvent SW-7", "cleaning", 2, { S_HEXANE, S_TOLUENE }, { 40, 10 }, { 70, 30 }, "L" },
  { "TX-100 Degreaser", "degreasing", 1, { S_TCE }, { 90 }, { 100 }, "L" },
  { "MC-Strip Degreaser", "degreasing", 1, { S_DCM }, { 80 }, { 100 }, "L" },
  { "SAC305 Solder Wire", "soldering", 2, { S_TIN, S_COPPER }, { 95, 0.3 }, { 97, 1 }, "kg" },
  { "Sn63Pb37 Solder Paste", "soldering", 2, { S_TIN, S_LEAD }, { 60, 35 }, { 65, 40 }, "kg" },
  { "F-300 No-clean Flux", "soldering", 1, { S_IPA }, { 70 }, { 90 }, "L" },
  { "HF-5 Glass Etchant", "etching", 1, { S_HF }, { 1 }, { 10 }, "L" },
  { "CuEtch 20", "etching", 1, { S_H2SO4 }, { 10 }, { 20 }, "L" },
  { "NiBright Plating Bath", "plating", 2, { S_NICKEL, S_H2SO4 }, { 5, 5 }, { 10, 10 }, "L" },
  { "CdPlate 40", "plating", 2, { S_CADMIUM, S_H2SO4 }, { 1, 5 }, { 5, 10 }, "L" },
  { "CC-1 Conformal Coating", "coating", 3, { S_TOLUENE, S_XYLENE, S_MEK }, { 20, 10, 5 }, { 40, 30, 15 }, "L" },
  { "A-45 Contact Adhesive", "gluing", 3, { S_HEXANE, S_ACETONE, S_TOLUENE }, { 10, 10, 5 }, { 30, 20, 10 }, "kg" },
  { "NMP Residue Cleaner", "cleaning", 1, { S_NMP }, { 50 }, { 100 }, "L" },
  { "SP-9 Screen Printing Ink", "printing", 2, { S_XYLENE, S_MEK }, { 10, 5 }, { 25, 10 }, "kg" },
  { "Test Fluid T-2", "testing", 1, { S_IPA }, { 30 }, { 60 }, "L" },
  { "Thinner 88", "other", 2, { S_BENZENE, S_TOLUENE }, { 0.1, 40 }, { 1, 60 }, "L" },
};

static const char *const chemical_suppliers[] = {
  "Guangzhou Huaxin Chemical Co., Ltd.", "Solvix Industrial Chemicals",
  "Delta Fine Chemicals Sdn. Bhd.", "Pelican Specialty Materials", "Shanghai Xinda Solvents Co., Ltd.",
};

/* ─── Vocabulary codes used below ────────────────────────────────────────── */

static const char *const location_types[] = {
  "final_assembly", "component_manufacturing", "raw_material_processing", "warehousing", "office",
};
static const guint location_weights[] = { 30, 45, 8, 10, 7 };

static const char *const products_final[] = {
  "servers", "laptops", "desktops", "printers", "displays", "phones", "tablets", "networking",
};
static const char *const products_component[] = {
  "pcb", "semiconductors", "batteries", "cables", "power_supplies", "hdd", "ssd", "displays",
  "peripherals",
};
static const char *const products_raw[] = { "semiconductors", "batteries", "cables", "pcb" };

static const char *const workforce_sources[] = {
  "employer", "brand", "monitor_estimate", "worker_survey", "public",
};

static const char *const tiers[] = {
  "final_assembly", "main_component", "other_component", "raw_material",
};
static const char *const link_sources[] = { "contractor_disclosure", "public_list", "monitor" };
static const char *const disclosure_subjects[] = {
  "site_names", "component_sites", "compliance_findings", "chemical_inventory",
  "factory_access", "no_retaliation", "remediation_evidence",
};
static const char *const disclosure_statuses[] = { "requested", "partial", "complete", "refused" };
static const char *const triggers[] = {
  "worker_complaint", "risk_assessment", "leverage_priority", "follow_up",
};
static const char *const methods[] = {
  "offsite_interview", "focus_group", "survey", "hotline", "document_review",
  "payroll_review", "onsite_visit",
};
static const char *const severities[] = { "critical", "major", "minor", "observation" };
static const guint severity_weights[] = { 5, 35, 45, 15 };
static const char *const disclosure_levels[] = {
  "internal", "workers", "employer", "brand", "affiliates", "public",
};
static const guint disclosure_weights[] = { 15, 5, 10, 15, 25, 30 };
static const char *const evidence_kinds[] = {
  "testimony", "document", "photo", "payslip", "contract", "measurement", "public_source",
};
static const guint evidence_weights[] = { 40, 15, 12, 15, 8, 5, 5 };
static const char *const grievance_channels[] = {
  "hotline", "monitor", "union", "email", "in_person", "brand", "other",
};
static const guint channel_weights[] = { 30, 25, 15, 10, 10, 5, 5 };
static const char *const grievance_statuses[] = {
  "received", "acknowledged", "investigating", "resolved", "closed", "dismissed",
};

/* Remediation statuses and the chain of statuses leading to each. */
enum { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_PLAN_REJECTED, R_IN_PROGRESS,
       R_REPORTED_COMPLETE, R_VERIFIED_WORKERS, R_VERIFIED_MONITOR, R_CLOSED, R_DISPUTED,
       R_ESCALATED, R_ABANDONED, N_REMEDIATION_STATUSES };

static const char *const remediation_statuses[N_REMEDIATION_STATUSES] = {
  "proposed", "plan_submitted", "plan_accepted", "plan_rejected", "in_progress",
  "reported_complete", "verified_by_workers", "verified_by_monitor", "closed", "disputed",
  "escalated", "abandoned",
};

#define END -1
static const int chains[N_REMEDIATION_STATUSES][8] = {
  [R_PROPOSED] = { R_PROPOSED, END },
  [R_PLAN_SUBMITTED] = { R_PROPOSED, R_PLAN_SUBMITTED, END },
  [R_PLAN_ACCEPTED] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, END },
  [R_PLAN_REJECTED] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_REJECTED, END },
  [R_IN_PROGRESS] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS, END },
  [R_REPORTED_COMPLETE] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS,
                            R_REPORTED_COMPLETE, END },
  [R_VERIFIED_WORKERS] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS,
                           R_REPORTED_COMPLETE, R_VERIFIED_WORKERS, END },
  [R_VERIFIED_MONITOR] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS,
                           R_REPORTED_COMPLETE, R_VERIFIED_MONITOR, END },
  [R_CLOSED] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS,
                 R_REPORTED_COMPLETE, R_VERIFIED_WORKERS, R_CLOSED, END },
  [R_DISPUTED] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS,
                   R_REPORTED_COMPLETE, R_DISPUTED, END },
  [R_ESCALATED] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_REJECTED, R_ESCALATED, END },
  [R_ABANDONED] = { R_PROPOSED, R_PLAN_SUBMITTED, R_PLAN_ACCEPTED, R_IN_PROGRESS,
                    R_ABANDONED, END },
};

/* ─── Generator state ────────────────────────────────────────────────────── */

#define DATE_PAST   3700   /* days before today in the date table */
#define DATE_FUTURE 1200   /* days after */
#define FIVE_YEARS  1826

/* The summaries of 002-figures.sql: those counted on the tables as the rows are written,
 * then those counted on them (N_BASE_TALLIES). */
enum
{
  T_FINDING_CELLS, T_INDICATOR_SITES, T_ACTIONS_DUE, T_ACTIONS_COMPLETED, T_CLOSURE,
  T_ACTIVITY_INVESTIGATIONS, T_SITE_YEARS, T_PARTNER_YEARS, T_LINK_YEARS, N_BASE_TALLIES,
  T_FINDINGS = N_BASE_TALLIES, T_FINDING_MONTHS, T_INDICATOR_COUNTS, T_INDICATOR_HISTOGRAM,
  T_CLOSURE_DAYS, T_ACTIVITIES, T_METHOD_INVESTIGATIONS, T_LINK_SITES, N_TALLIES
};

enum
{
  ST_ORG, ST_SITE, ST_WORKFORCE, ST_CONTRACT, ST_CONTRACT_PRODUCT, ST_CONTRACT_SITE,
  ST_DISCLOSURE, ST_INVESTIGATION, ST_ACTIVITY, ST_FINDING, ST_FINDING_STANDARD,
  ST_FINDING_INDICATOR, ST_FINDING_CONVENTION, ST_EVIDENCE, ST_ACTION, ST_HISTORY,
  ST_GRIEVANCE, ST_CHEM_PRODUCT, ST_SUBSTANCE, ST_SUBSTANCE_HAZARD, ST_CONSTITUENT,
  ST_PRODUCT_HAZARD, ST_EXPOSURE,
  ST_SUMMARY,                   /* + T_...: the rows of the figure summaries */
  N_STATEMENTS = ST_SUMMARY + N_TALLIES
};

static const char *const statement_sql[N_STATEMENTS] = {
  [ST_ORG] = "INSERT INTO organisations (id, uuid, kind, name, country, parent_id, consortium_id, "
             "affiliated_on, notes, created_at, updated_at) VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, "
             "?8, ?9, ?9)",
  [ST_SITE] = "INSERT INTO sites (id, uuid, name, native_name, address, country, latitude, longitude, "
              "os_id, parent_company, employer, employer_id, location_type, products, closed, "
              "notes, match_key, created_at, updated_at) VALUES (?18, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
              "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
  [ST_WORKFORCE] = "INSERT INTO workforce_snapshots (uuid, site_id, as_of, source, total, "
                   "total_min, total_max, women, migrant, agency, temporary, student, under18, "
                   "union_present, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                   "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
  [ST_CONTRACT] = "INSERT INTO contracts (id, uuid, reference, affiliate_id, contractor_id, brand_id, "
                  "start_date, end_date, annual_spend_minor, currency, notes, created_at, "
                  "updated_at) VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
  [ST_CONTRACT_PRODUCT] = "INSERT INTO contract_products (id, contract_id, model, product, quantity) "
                          "VALUES (?5, ?1, ?2, ?3, ?4)",
  [ST_CONTRACT_SITE] = "INSERT INTO contract_sites (contract_id, site_id, product_id, tier, "
                       "source, disclosed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [ST_DISCLOSURE] = "INSERT INTO disclosure_requests (uuid, contract_id, organisation_id, "
                    "subject, tier, requested_on, due_on, answered_on, status, notes, "
                    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                    "?11, ?11)",
  [ST_INVESTIGATION] = "INSERT INTO investigations (id, uuid, site_id, partner_id, title, trigger, "
                       "start_date, end_date, status, notes, created_at, updated_at) VALUES "
                       "(?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?9, ?9)",
  [ST_ACTIVITY] = "INSERT INTO investigation_activities (uuid, investigation_id, method, "
                  "start_date, end_date, participants_total, participants_women, "
                  "participants_migrant, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                  "?5, ?6, ?7, ?8, '', ?9, ?9)",
  [ST_FINDING] = "INSERT INTO findings (id, uuid, site_id, investigation_id, title, description, "
                 "theme, severity, kind, workers_affected, affects_women, affects_migrant, "
                 "affects_agency, affects_student, affects_young, first_observed, "
                 "company_response, disclosure_level, status, closed_on, notes, created_at, "
                 "updated_at) VALUES (?22, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                 "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21)",
  [ST_FINDING_STANDARD] = "INSERT OR IGNORE INTO finding_standards (finding_id, standard_id) "
                          "VALUES (?1, ?2)",
  [ST_FINDING_INDICATOR] = "INSERT INTO finding_indicators (finding_id, indicator_id) "
                           "VALUES (?1, ?2)",
  [ST_FINDING_CONVENTION] = "INSERT INTO finding_conventions (finding_id, convention_code) "
                            "VALUES (?1, ?2)",
  [ST_EVIDENCE] = "INSERT INTO evidence (id, uuid, finding_id, kind, summary, sources_count, "
                  "pseudonym, consent_to_quote, collected_on, confidential, notes, created_at, "
                  "updated_at) VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, ?10)",
  [ST_ACTION] = "INSERT INTO remediation_actions (id, uuid, finding_id, description, root_cause, "
                "preventive_action, responsible_id, remedy_type, amount_minor, currency, "
                "beneficiaries_total, beneficiaries_women, beneficiaries_migrant, "
                "beneficiaries_agency, beneficiaries_student, beneficiaries_young, opened_on, "
                "plan_due_on, due_on, completed_on, status, escalation_level, notes, "
                "created_at, updated_at) VALUES (?23, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, '', ?22, ?22)",
  [ST_HISTORY] = "INSERT INTO remediation_status_history (action_id, from_status, to_status, "
                 "changed_on, changed_by, note, evidence_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [ST_GRIEVANCE] = "INSERT INTO grievances (uuid, site_id, received_on, channel, anonymous, "
                   "complainants, topic, retaliation_reported, status, acknowledged_on, "
                   "resolved_on, finding_id, notes, created_at, updated_at) VALUES (?1, ?2, ?3, "
                   "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', ?13, ?13)",
  [ST_CHEM_PRODUCT] = "INSERT INTO chemical_products (id, uuid, site_id, period, trade_name, "
                      "supplier, sds_available, sds_revision, sds_in_workers_language, process, "
                      "department, qty_per_year, qty_stored_max, qty_unit, qty_source, "
                      "workers_exposed, women_exposed, engineering_controls, ppe_provided, "
                      "ppe_adequate_reported, training, labels_in_workers_language, notes, "
                      "created_at, updated_at) VALUES (?23, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                      "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, '', ?22, ?22)",
  [ST_SUBSTANCE] = "INSERT INTO substances (uuid, name, cas_rn, ec_number, svhc, svhc_date, "
                   "sin_list, rohs_restricted, cmr_category, notes, created_at, updated_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, ?10) "
                   "ON CONFLICT (cas_rn) DO UPDATE SET cas_rn = excluded.cas_rn RETURNING id",
  [ST_SUBSTANCE_HAZARD] = "INSERT OR IGNORE INTO substance_hazards (substance_id, hazard_code) "
                          "VALUES (?1, ?2)",
  [ST_CONSTITUENT] = "INSERT INTO constituents (product_id, substance_id, conc_min, conc_max) "
                     "VALUES (?1, ?2, ?3, ?4)",
  [ST_PRODUCT_HAZARD] = "INSERT OR IGNORE INTO product_hazards (product_id, hazard_code) "
                        "VALUES (?1, ?2)",
  [ST_EXPOSURE] = "INSERT INTO exposure_measurements (uuid, site_id, product_id, substance_id, "
                  "kind, measured_on, value, unit, limit_value, limit_source, notes, "
                  "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                  "?11, ?12, ?12)",
  [ST_SUMMARY + T_FINDING_CELLS] = "INSERT INTO figures_finding_cells (month, theme, severity, "
                                   "country, n) VALUES (?1, ?2, ?3, ?4, ?5)",
  [ST_SUMMARY + T_INDICATOR_SITES] = "INSERT INTO figures_indicator_sites (year, country, site_id, "
                                     "indicator_id, n) VALUES (?1, ?2, ?3, ?4, ?5)",
  [ST_SUMMARY + T_ACTIONS_DUE] = "INSERT INTO figures_actions_due (month, country, status, n) "
                                 "VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_ACTIONS_COMPLETED] = "INSERT INTO figures_actions_completed (month, country, "
                                       "status, remedy_type, currency, n, amount_n, "
                                       "amount_minor, b_total, b_women, b_migrant, b_agency, "
                                       "b_student, b_young) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                       "?8, ?9, ?10, ?11, ?12, ?13, ?14)",
  [ST_SUMMARY + T_CLOSURE] = "INSERT INTO figures_closure (year, days, country, n, by_workers) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
  [ST_SUMMARY + T_ACTIVITY_INVESTIGATIONS] = "INSERT INTO figures_activity_investigations (year, "
                                             "method, country, investigation_id, n, "
                                             "participants, women, migrant) VALUES (?1, ?2, ?3, "
                                             "?4, ?5, ?6, ?7, ?8)",
  [ST_SUMMARY + T_SITE_YEARS] = "INSERT INTO figures_site_years (year, country, site_id, n) "
                                "VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_PARTNER_YEARS] = "INSERT INTO figures_partner_years (year, country, partner_id, "
                                   "n) VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_LINK_YEARS] = "INSERT INTO figures_link_years (year, country, site_id, n) "
                                "VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_FINDINGS] = "INSERT INTO figures_findings (year, theme, severity, country, n) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
  [ST_SUMMARY + T_FINDING_MONTHS] = "INSERT INTO figures_finding_months (month, country, n) "
                                    "VALUES (?1, ?2, ?3)",
  [ST_SUMMARY + T_INDICATOR_COUNTS] = "INSERT INTO figures_indicator_counts (year, country, "
                                      "site_id, k) VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_INDICATOR_HISTOGRAM] = "INSERT INTO figures_indicator_histogram (year, country, "
                                         "k, sites) VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_CLOSURE_DAYS] = "INSERT INTO figures_closure_days (year, days, n, by_workers) "
                                  "VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_ACTIVITIES] = "INSERT INTO figures_activities (year, country, method, n, "
                                "participants, women, migrant) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                "?7)",
  [ST_SUMMARY + T_METHOD_INVESTIGATIONS] = "INSERT INTO figures_method_investigations (year, "
                                           "country, method, n) VALUES (?1, ?2, ?3, ?4)",
  [ST_SUMMARY + T_LINK_SITES] = "INSERT INTO figures_link_sites (year, country, n) VALUES (?1, "
                                "?2, ?3)",
};

typedef struct
{
  gint64      id;
  gint64      employer_id;      /* 0: none */
  const char *employer;         /* legal name (string chunk) */
  guint       country;          /* index into countries[] */
  guint       location;         /* index into location_types[] */
  gint        total;            /* latest workforce total */
  double      women, migrant, agency, student;
  guint       n_findings;
  gboolean    monitored;
} SiteInfo;

typedef struct
{
  gint64      id;
  const char *key;
  const char *title;            /* translated */
  gint64      rba[8];
  guint       n_rba;
} Theme;

#define BATCH_ROWS 50

typedef struct
{
  int type;                     /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
  union
  {
    gint64 i;
    double f;
    struct
    {
      guint32 offset, length;   /* in Batch.text */
    } t;
  } v;
} Value;

typedef struct
{
  guint         n_params;
  guint         id_param;       /* ?N of the explicit id, 0: none */
  gint64        next_id, last_id;
  sqlite3_stmt *one, *many;
  Value        *values;         /* BATCH_ROWS × n_params */
  Value        *row;            /* the row being filled */
  guint         n_rows;         /* complete rows waiting */
  GString      *text;
} Batch;

/* Counts (and sums) by a key packed into 64 bits: an open-addressing hash table. */
typedef struct
{
  guint    width;       /* values per key */
  guint    n, capacity; /* capacity: 0 or a power of two */
  guint64 *keys;        /* key + 1; 0: an empty slot */
  gint64  *values;      /* capacity × width */
} Tally;


typedef struct
{
  VigieStore              *store;
  sqlite3                 *db;
  const VigieDemoOptions  *options;
  Rng                      rng;
  Batch                    batch[N_STATEMENTS];
  sqlite3_stmt            *substance_stmt;
  gboolean                 foreign_keys_off;
  GPtrArray               *index_names, *index_sql;
  gboolean                 settings_taken, left_wal;
  gint64                   synchronous;     /* PRAGMA synchronous to restore, or -1 */
  char                    *journal_mode;

  int                      today;          /* day number: index DATE_PAST of the table */
  char                   (*dates)[11];
  char                     stamp[24];
  char                     uuid[37];
  guint64                  uuid_ms, uuid_counter;

  GStringChunk            *strings;
  SiteInfo                *sites;
  guint                    n_sites;

  GArray                  *affiliate_ids, *brand_ids, *contractor_ids, *agency_ids,
                          *union_ids;
  gint64                   partner_ids[G_N_ELEMENTS (partners)];
  const char              *partner_names[G_N_ELEMENTS (partners)];
  GArray                  *contracts;      /* ContractInfo */

  Theme                   *themes;
  guint                    n_themes;
  guint                    theme_weights[64];
  guint                    theme_total;
  guint                    template_first[64], template_count[64];
  const char              *theme_convention[64];
  gint64                   indicators[16];
  guint                    n_indicators;
  gint64                   substance_ids[N_SUBSTANCES];

  /* translated tables */
  const char             **tr_titles, **tr_descriptions, **tr_responses, **tr_notes,
                         **tr_actions, **tr_root_causes, **tr_preventive, **tr_history,
                         **tr_evidence, **tr_site_notes, **tr_departments, **tr_ppe,
                         **tr_controls;
  const char              *tr_partner_label;

  GString                 *s1, *s2, *s3, *s4;

  VigieProgressFunc        progress;
  gpointer                 user_data;
  GCancellable            *cancellable;
  int                      last_percent;
  guint64                  n_actions;

  /* The figure summaries of the rows written (see "Figure summaries") */
  Tally                    tally[N_TALLIES];
  int                      first_year;      /* year of the first day of the date table */
  char                   (*months)[8];      /* YYYY-MM of each month from its January */
} Demo;

typedef struct
{
  gint64 id;
  gint64 first_product;
  guint  n_products;
  int    start, end;
} ContractInfo;

/* ─── Small helpers ──────────────────────────────────────────────────────── */

/* MIN and MAX evaluate their arguments twice: never with a random draw inside. */
static inline gint64
imin (gint64 a,
      gint64 b)
{
  return a < b ? a : b;
}

static inline gint64
imax (gint64 a,
      gint64 b)
{
  return a > b ? a : b;
}

static inline const char *
date_at (Demo *d,
         int   day)
{
  int i = day - d->today + DATE_PAST;

  i = CLAMP (i, 0, DATE_PAST + DATE_FUTURE);
  return d->dates[i];
}

/* Time-ordered UUIDs (RFC 9562 version 7, counter method 1): the 48-bit Unix time in
 * milliseconds of the rows' created_at, then a 42-bit counter (12 bits of rand_a and the 30
 * leftmost bits of rand_b) that starts at a random value and counts every UUID made, then 32
 * random bits. They are unique and increase in the order the rows are generated, so each
 * table's UNIQUE uuid index grows at its right edge; with random version-4 UUIDs, every row
 * of a million-finding dataset landed on a random page of four large indexes and that alone
 * took more than half of the generating time. */
static const char *
make_uuid (Demo *d)
{
  static const char hex[] = "0123456789abcdef";
  guint8 b[16];
  guint64 ms = d->uuid_ms, counter = d->uuid_counter++;
  guint64 r = rng_next (&d->rng);
  char *p = d->uuid;

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  b[6] = (guint8) (0x70 | ((counter >> 38) & 0x0f));
  b[7] = (guint8) (counter >> 30);
  b[8] = (guint8) (0x80 | ((counter >> 24) & 0x3f));
  b[9] = (guint8) (counter >> 16);
  b[10] = (guint8) (counter >> 8);
  b[11] = (guint8) counter;
  for (guint i = 0; i < 4; i++)
    b[12 + i] = (guint8) (r >> (8 * i));
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[b[i] >> 4];
      *p++ = hex[b[i] & 15];
    }
  *p = '\0';
  return d->uuid;
}

/* ─── Figure summaries ───────────────────────────────────────────────────── */

/* The generator knows every row it writes, so it counts the summaries of schema 2 as it
 * goes, instead of vigie_store_bulk_end() counting them again from some ten million rows
 * (half of the time of a million findings). What is counted is what the views of
 * 002-figures.sql say: one row per finding, forced-labour indicator, remediation action,
 * activity, investigation-year and link-year, by the values as they are stored (dates
 * from the date table); the summaries counted on those (by year, every country, distinct
 * sites and investigations) are summed from them at the end (tally_derived), and all are
 * written once (write_summaries; vigie_store_bulk_end_filled() then counts none again).
 * test-demo proves the result identical to vigie_figures_summaries_rebuild(), byte for
 * byte, and the figures equal to those counted on the tables.
 *
 * Keys are packed into 64 bits: months and years counted from the first year of the date
 * table; countries, themes, severities, statuses, remedy types, currencies, methods and
 * partners by their index in this file's tables; sites by their index in Demo.sites. */

#define KEY(a, width, b) (((guint64) (a) << (width)) | (guint64) (b))

static const char *const remedy_types[] = {
  "restitution", "compensation", "rehabilitation", "satisfaction", "non_repetition",
  "corrective_only",
};

G_STATIC_ASSERT (G_N_ELEMENTS (countries) <= 16);
G_STATIC_ASSERT (G_N_ELEMENTS (countries) + 2 <= 32);   /* currencies: none, USD, local */
G_STATIC_ASSERT (G_N_ELEMENTS (methods) <= 8);
G_STATIC_ASSERT (G_N_ELEMENTS (partners) <= 64);
G_STATIC_ASSERT (G_N_ELEMENTS (remedy_types) <= 8);
G_STATIC_ASSERT (N_REMEDIATION_STATUSES <= 16);

static inline guint64
mix64 (guint64 x)
{
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return x ^ (x >> 31);
}

static void
tally_init (Tally *t,
            guint  width)
{
  memset (t, 0, sizeof *t);
  t->width = width;
}

static void
tally_clear (Tally *t)
{
  g_free (t->keys);
  g_free (t->values);
  memset (t, 0, sizeof *t);
}

static void
tally_grow (Tally *t)
{
  guint capacity = t->capacity > 0 ? t->capacity * 2 : 1024;
  guint64 *keys = g_new0 (guint64, capacity);
  gint64 *values = g_new0 (gint64, (gsize) capacity * t->width);

  for (guint i = 0; i < t->capacity; i++)
    if (t->keys[i] != 0)
      {
        guint j = (guint) mix64 (t->keys[i]) & (capacity - 1);

        while (keys[j] != 0)
          j = (j + 1) & (capacity - 1);
        keys[j] = t->keys[i];
        memcpy (values + (gsize) j * t->width, t->values + (gsize) i * t->width,
                t->width * sizeof (gint64));
      }
  g_free (t->keys);
  g_free (t->values);
  t->keys = keys;
  t->values = values;
  t->capacity = capacity;
}

/* The values of KEY (zeros when new). */
static gint64 *
tally_at (Tally   *t,
          guint64  key)
{
  guint64 k = key + 1;
  guint i;

  if ((t->n + 1) * 4 > t->capacity * 3)
    tally_grow (t);
  i = (guint) mix64 (k) & (t->capacity - 1);
  while (t->keys[i] != 0 && t->keys[i] != k)
    i = (i + 1) & (t->capacity - 1);
  if (t->keys[i] == 0)
    {
      t->keys[i] = k;
      t->n++;
    }
  return t->values + (gsize) i * t->width;
}

static inline int
date_year (const char *date)
{
  return (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
}

/* Years and months of a stored date, from the first year of the date table. */
static inline guint
year_index (const Demo *d,
            const char *date)
{
  return (guint) (date_year (date) - d->first_year);
}

static inline guint
month_index (const Demo *d,
             const char *date)
{
  return year_index (d, date) * 12 + (guint) ((date[5] - '0') * 10 + (date[6] - '0') - 1);
}

/* The day a date_at (DAY) string stands for (the table ends somewhere). */
static inline int
stored_day (const Demo *d,
            int         day)
{
  return CLAMP (day, d->today - DATE_PAST, d->today + DATE_FUTURE);
}

static guint
remedy_index (const char *remedy)
{
  for (guint i = 0; i < G_N_ELEMENTS (remedy_types); i++)
    if (strcmp (remedy_types[i], remedy) == 0)
      return i;
  g_assert_not_reached ();
}

/* A site's index in Demo.sites. */
#define SITE_INDEX(d, site) ((guint) ((site) - (d)->sites))


/* ─── Batched inserts ────────────────────────────────────────────────────── */

/* Rows are collected per statement and written BATCH_ROWS at a time with one multi-row
 * INSERT: one statement step for 50 rows instead of 50. Tables whose ids are needed later
 * get explicit ids, counted from the table's largest id, so the ids do not depend on when a
 * batch is written. Text is copied into the batch (callers may reuse their buffers). */

/* Highest ?N of a statement's VALUES (...). */
static guint
count_params (const char *sql)
{
  guint n = 0;

  for (const char *p = strchr (sql, '?'); p != NULL; p = strchr (p + 1, '?'))
    n = MAX (n, (guint) g_ascii_strtoull (p + 1, NULL, 10));
  return n;
}

/* SQL with ROWS copies of the VALUES tuple, the parameters of copy r shifted by r × N. */
static char *
multi_row_sql (const char *sql,
               guint       rows,
               guint       n_params)
{
  const char *open = strstr (sql, " VALUES (") + 8;
  const char *close = strrchr (sql, ')');
  GString *out = g_string_new_len (sql, open - sql);

  for (guint r = 0; r < rows; r++)
    {
      if (r > 0)
        g_string_append (out, ", ");
      for (const char *p = open; p <= close; p++)
        {
          char *end;
          guint k;

          if (*p != '?')
            {
              g_string_append_c (out, *p);
              continue;
            }
          k = (guint) g_ascii_strtoull (p + 1, &end, 10);
          g_string_append_printf (out, "?%u", k + r * n_params);
          p = end - 1;
        }
    }
  g_string_append (out, close + 1);
  return g_string_free (out, FALSE);
}

/* The id parameter of the statements with explicit ids. */
static guint
id_param_of (guint which)
{
  switch (which)
    {
    case ST_ORG: return 10;
    case ST_SITE: return 18;
    case ST_CONTRACT: return 12;
    case ST_CONTRACT_PRODUCT: return 5;
    case ST_INVESTIGATION: return 10;
    case ST_FINDING: return 22;
    case ST_EVIDENCE: return 11;
    case ST_ACTION: return 23;
    case ST_CHEM_PRODUCT: return 23;
    default: return 0;
    }
}

static gboolean
batch_init (Demo     *d,
            guint     which,
            GError  **error)
{
  Batch *b = &d->batch[which];
  const char *sql = statement_sql[which];
  g_autofree char *many = NULL;
  int rc;

  b->n_params = count_params (sql);
  b->id_param = id_param_of (which);
  if (b->id_param > 0)
    {
      /* "INSERT INTO table (id, ..." */
      const char *table = sql + strlen ("INSERT INTO ");
      g_autofree char *name = g_strndup (table, strcspn (table, " "));
      g_autofree char *query = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM %s", name);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (d->db, query, -1, &stmt, NULL) != SQLITE_OK
          || sqlite3_step (stmt) != SQLITE_ROW)
        {
          vigie_store_set_error (d->store, sqlite3_errcode (d->db), error);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      b->next_id = sqlite3_column_int64 (stmt, 0) + 1;
      sqlite3_finalize (stmt);
    }
  b->values = g_new0 (Value, BATCH_ROWS * b->n_params);
  b->row = b->values;
  b->text = g_string_sized_new (4096);
  many = multi_row_sql (sql, BATCH_ROWS, b->n_params);
  rc = sqlite3_prepare_v3 (d->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &b->one, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v3 (d->db, many, -1, SQLITE_PREPARE_PERSISTENT, &b->many, NULL);
  if (rc != SQLITE_OK)
    {
      vigie_store_set_error (d->store, rc, error);
      g_prefix_error (error, "%s: ", sql);
      return FALSE;
    }
  return TRUE;
}

static void
batch_clear (Batch *b)
{
  sqlite3_finalize (b->one);
  sqlite3_finalize (b->many);
  g_free (b->values);
  if (b->text != NULL)
    g_string_free (b->text, TRUE);
  memset (b, 0, sizeof *b);
}

/* Writes the waiting rows. */
static gboolean
batch_flush (Demo     *d,
             guint     which,
             GError  **error)
{
  Batch *b = &d->batch[which];
  guint r = 0;

  while (r < b->n_rows)
    {
      gboolean full = b->n_rows - r >= BATCH_ROWS;
      sqlite3_stmt *stmt = full ? b->many : b->one;
      guint n = (full ? BATCH_ROWS : 1) * b->n_params;
      const Value *v = b->values + r * b->n_params;
      int rc;

      for (guint k = 0; k < n; k++, v++)
        switch (v->type)
          {
          case SQLITE_INTEGER:
            sqlite3_bind_int64 (stmt, (int) k + 1, v->v.i);
            break;
          case SQLITE_FLOAT:
            sqlite3_bind_double (stmt, (int) k + 1, v->v.f);
            break;
          case SQLITE_TEXT:
            sqlite3_bind_text (stmt, (int) k + 1, b->text->str + v->v.t.offset,
                               (int) v->v.t.length, SQLITE_STATIC);
            break;
          default:
            sqlite3_bind_null (stmt, (int) k + 1);
            break;
          }
      rc = sqlite3_step (stmt);
      while (rc == SQLITE_ROW)
        rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          vigie_store_set_error (d->store, rc, error);
          g_prefix_error (error, "%s: ", statement_sql[which]);
          return FALSE;
        }
      r += full ? BATCH_ROWS : 1;
    }
  b->n_rows = 0;
  b->row = b->values;
  g_string_truncate (b->text, 0);
  return TRUE;
}

static gboolean
batch_flush_all (Demo     *d,
                 GError  **error)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    if (d->batch[i].n_params > 0 && !batch_flush (d, i, error))
      return FALSE;
  return TRUE;
}

/* Starts a row of WHICH: every value NULL, the explicit id (if any) set. */
static Batch *
row_begin (Demo  *d,
           guint  which)
{
  Batch *b = &d->batch[which];

  memset (b->row, 0, b->n_params * sizeof (Value));
  if (b->id_param > 0)
    {
      b->last_id = b->next_id++;
      b->row[b->id_param - 1].type = SQLITE_INTEGER;
      b->row[b->id_param - 1].v.i = b->last_id;
    }
  return b;
}

/* The row is complete; a full batch is written. */
static gboolean
row_end (Demo     *d,
         guint     which,
         GError  **error)
{
  Batch *b = &d->batch[which];

  b->n_rows++;
  if (b->n_rows == BATCH_ROWS)
    return batch_flush (d, which, error);
  b->row += b->n_params;
  return TRUE;
}

static inline void
bind_text (Batch      *b,
           int         index,
           const char *text)
{
  Value *v = &b->row[index - 1];
  gsize length;

  if (text == NULL)
    {
      v->type = SQLITE_NULL;
      return;
    }
  length = strlen (text);
  v->type = SQLITE_TEXT;
  v->v.t.offset = (guint32) b->text->len;
  v->v.t.length = (guint32) length;
  g_string_append_len (b->text, text, (gssize) length);
}

static inline void
bind_null (Batch *b,
           int    index)
{
  b->row[index - 1].type = SQLITE_NULL;
}

static inline void
bind_int (Batch  *b,
          int     index,
          gint64  value)
{
  b->row[index - 1].type = SQLITE_INTEGER;
  b->row[index - 1].v.i = value;
}

static inline void
bind_double (Batch  *b,
             int     index,
             double  value)
{
  b->row[index - 1].type = SQLITE_FLOAT;
  b->row[index - 1].v.f = value;
}

/* VALUE, or NULL when VALUE < 0. */
static inline void
bind_int_or_null (Batch  *b,
                  int     index,
                  gint64  value)
{
  if (value < 0)
    bind_null (b, index);
  else
    bind_int (b, index, value);
}

/* An id, or NULL when 0. */
static inline void
bind_id (Batch  *b,
         int     index,
         gint64  id)
{
  if (id <= 0)
    bind_null (b, index);
  else
    bind_int (b, index, id);
}

#define RUN(which) G_STMT_START { if (!row_end (d, (which), error)) return FALSE; } G_STMT_END
/* The explicit id of the last row of WHICH. */
#define LAST_ID(which) (d->batch[(which)].last_id)

/* The summary tables, in the order of the T_ constants, and how many values each key has
 * (the columns after the key's). */
static const struct
{
  const char *table;
  guint       width;
} tally_tables[N_TALLIES] = {
  [T_FINDING_CELLS] = { "figures_finding_cells", 1 },
  [T_INDICATOR_SITES] = { "figures_indicator_sites", 1 },
  [T_ACTIONS_DUE] = { "figures_actions_due", 1 },
  [T_ACTIONS_COMPLETED] = { "figures_actions_completed", 9 },
  [T_CLOSURE] = { "figures_closure", 2 },
  [T_ACTIVITY_INVESTIGATIONS] = { "figures_activity_investigations", 4 },
  [T_SITE_YEARS] = { "figures_site_years", 1 },
  [T_PARTNER_YEARS] = { "figures_partner_years", 1 },
  [T_LINK_YEARS] = { "figures_link_years", 1 },
  [T_FINDINGS] = { "figures_findings", 1 },
  [T_FINDING_MONTHS] = { "figures_finding_months", 1 },
  [T_INDICATOR_COUNTS] = { "figures_indicator_counts", 1 },
  [T_INDICATOR_HISTOGRAM] = { "figures_indicator_histogram", 1 },
  [T_CLOSURE_DAYS] = { "figures_closure_days", 2 },
  [T_ACTIVITIES] = { "figures_activities", 4 },
  [T_METHOD_INVESTIGATIONS] = { "figures_method_investigations", 1 },
  [T_LINK_SITES] = { "figures_link_sites", 1 },
};

static inline guint
bits (guint64 key,
      guint   shift,
      guint   width)
{
  return (guint) ((key >> shift) & ((G_GUINT64_CONSTANT (1) << width) - 1));
}

/* The summaries counted on the others, as vigie_figures_summaries_rebuild() counts them:
 * sums by year of the months, of every country, and the rows of those with an id in their
 * key counted (distinct sites, investigations). */
static void
tally_derived (Demo *d)
{
  for (guint which = 0; which < N_BASE_TALLIES; which++)
    {
      const Tally *t = &d->tally[which];

      for (guint i = 0; i < t->capacity; i++)
        {
          guint64 key = t->keys[i] - 1;
          const gint64 *v = t->values + (gsize) i * t->width;
          gint64 *to;

          if (t->keys[i] == 0)
            continue;
          switch (which)
            {
            case T_FINDING_CELLS:       /* month 6 theme 2 severity 4 country */
              tally_at (&d->tally[T_FINDINGS],
                        KEY (bits (key, 12, 32) / 12, 12, bits (key, 0, 12)))[0] += v[0];
              tally_at (&d->tally[T_FINDING_MONTHS],
                        KEY (bits (key, 12, 32), 4, bits (key, 0, 4)))[0] += v[0];
              break;
            case T_INDICATOR_SITES:     /* year 32 site 4 indicator */
              tally_at (&d->tally[T_INDICATOR_COUNTS], key >> 4)[0]++;
              break;
            case T_CLOSURE:             /* year 20 days 4 country */
              to = tally_at (&d->tally[T_CLOSURE_DAYS], key >> 4);
              to[0] += v[0];
              to[1] += v[1];
              break;
            case T_ACTIVITY_INVESTIGATIONS:   /* year 3 method 4 country 40 investigation */
              /* year 4 country 3 method */
              to = tally_at (&d->tally[T_ACTIVITIES],
                             KEY (KEY (bits (key, 47, 16), 4, bits (key, 40, 4)), 3,
                                  bits (key, 44, 3)));
              for (guint k = 0; k < 4; k++)
                to[k] += v[k];
              tally_at (&d->tally[T_METHOD_INVESTIGATIONS],
                        KEY (KEY (bits (key, 47, 16), 4, bits (key, 40, 4)), 3,
                             bits (key, 44, 3)))[0]++;
              break;
            case T_LINK_YEARS:          /* year 32 site */
              tally_at (&d->tally[T_LINK_SITES],
                        KEY (bits (key, 32, 16), 4,
                             d->sites[bits (key, 0, 32)].country))[0]++;
              break;
            default:
              break;
            }
        }
    }
  /* Sites by their number of distinct indicators: year 4 country 5 k */
  {
    const Tally *t = &d->tally[T_INDICATOR_COUNTS];   /* year 32 site */

    for (guint i = 0; i < t->capacity; i++)
      if (t->keys[i] != 0)
        {
          guint64 key = t->keys[i] - 1;

          tally_at (&d->tally[T_INDICATOR_HISTOGRAM],
                    KEY (KEY (bits (key, 32, 16), 4, d->sites[bits (key, 0, 32)].country), 5,
                         t->values[i]))[0]++;
        }
  }
}

static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const guint64 *keys = user_data;
  guint64 ka = keys[*(const guint *) a], kb = keys[*(const guint *) b];

  return ka < kb ? -1 : ka > kb;
}

/* Binds the key columns of a row of WHICH to B; returns the number bound. */
static int
bind_tally_key (Demo    *d,
                guint    which,
                Batch   *b,
                guint64  key)
{
  static const char *const currencies[] = { "", "USD" };
  guint c;

  switch (which)
    {
    case T_FINDING_CELLS:       /* month 6 theme 2 severity 4 country */
      bind_text (b, 1, d->months[bits (key, 12, 32)]);
      bind_text (b, 2, d->themes[bits (key, 6, 6)].key);
      bind_text (b, 3, severities[bits (key, 4, 2)]);
      bind_text (b, 4, countries[bits (key, 0, 4)].code);
      return 4;
    case T_FINDINGS:            /* year 6 theme 2 severity 4 country */
      bind_int (b, 1, d->first_year + (int) bits (key, 12, 16));
      bind_text (b, 2, d->themes[bits (key, 6, 6)].key);
      bind_text (b, 3, severities[bits (key, 4, 2)]);
      bind_text (b, 4, countries[bits (key, 0, 4)].code);
      return 4;
    case T_FINDING_MONTHS:      /* month 4 country */
      bind_text (b, 1, d->months[bits (key, 4, 32)]);
      bind_text (b, 2, countries[bits (key, 0, 4)].code);
      return 2;
    case T_INDICATOR_SITES:     /* year 32 site 4 indicator */
      bind_int (b, 1, d->first_year + (int) bits (key, 36, 16));
      bind_text (b, 2, countries[d->sites[bits (key, 4, 32)].country].code);
      bind_int (b, 3, d->sites[bits (key, 4, 32)].id);
      bind_int (b, 4, d->indicators[bits (key, 0, 4)]);
      return 4;
    case T_ACTIONS_DUE:         /* month 4 country 4 status */
    case T_ACTIONS_COMPLETED:   /* month 4 country 4 status 3 remedy 5 currency */
      if (which == T_ACTIONS_COMPLETED)
        {
          c = bits (key, 0, 5);
          bind_text (b, 4, remedy_types[bits (key, 5, 3)]);
          bind_text (b, 5, c < 2 ? currencies[c] : countries[c - 2].currency);
          key >>= 8;
        }
      bind_text (b, 1, d->months[bits (key, 8, 32)]);
      bind_text (b, 2, countries[bits (key, 4, 4)].code);
      bind_text (b, 3, remediation_statuses[bits (key, 0, 4)]);
      return which == T_ACTIONS_COMPLETED ? 5 : 3;
    case T_CLOSURE:             /* year 20 days 4 country */
      bind_int (b, 1, d->first_year + (int) bits (key, 24, 16));
      /* julianday () - julianday (): a real number of days */
      bind_double (b, 2, (double) bits (key, 4, 20));
      bind_text (b, 3, countries[bits (key, 0, 4)].code);
      return 3;
    case T_CLOSURE_DAYS:        /* year 20 days */
      bind_int (b, 1, d->first_year + (int) bits (key, 20, 16));
      bind_double (b, 2, (double) bits (key, 0, 20));
      return 2;
    case T_ACTIVITY_INVESTIGATIONS:   /* year 3 method 4 country 40 investigation */
      bind_int (b, 1, d->first_year + (int) bits (key, 47, 16));
      bind_text (b, 2, methods[bits (key, 44, 3)]);
      bind_text (b, 3, countries[bits (key, 40, 4)].code);
      bind_int (b, 4, (gint64) (key & ((G_GUINT64_CONSTANT (1) << 40) - 1)));
      return 4;
    case T_ACTIVITIES:          /* year 4 country 3 method */
    case T_METHOD_INVESTIGATIONS:
      bind_int (b, 1, d->first_year + (int) bits (key, 7, 16));
      bind_text (b, 2, countries[bits (key, 3, 4)].code);
      bind_text (b, 3, methods[bits (key, 0, 3)]);
      return 3;
    case T_SITE_YEARS:          /* year 32 site */
    case T_LINK_YEARS:
    case T_INDICATOR_COUNTS:
      bind_int (b, 1, d->first_year + (int) bits (key, 32, 16));
      bind_text (b, 2, countries[d->sites[bits (key, 0, 32)].country].code);
      bind_int (b, 3, d->sites[bits (key, 0, 32)].id);
      return 3;
    case T_INDICATOR_HISTOGRAM: /* year 4 country 5 k */
      bind_int (b, 1, d->first_year + (int) bits (key, 9, 16));
      bind_text (b, 2, countries[bits (key, 5, 4)].code);
      bind_int (b, 3, bits (key, 0, 5));
      return 3;
    case T_PARTNER_YEARS:       /* year 4 country 6 partner */
      bind_int (b, 1, d->first_year + (int) bits (key, 10, 16));
      bind_text (b, 2, countries[bits (key, 6, 4)].code);
      bind_int (b, 3, d->partner_ids[bits (key, 0, 6)]);
      return 3;
    case T_LINK_SITES:          /* year 4 country */
      bind_int (b, 1, d->first_year + (int) bits (key, 4, 16));
      bind_text (b, 2, countries[bits (key, 0, 4)].code);
      return 2;
    default:
      g_assert_not_reached ();
    }
}

/* Replaces what the summaries hold with the tallies, in key order. */
static gboolean
write_summaries (Demo    *d,
                 GError **error)
{
  gint64 start = g_get_monotonic_time ();
  guint64 rows = 0;

  tally_derived (d);
  for (guint which = 0; which < N_TALLIES; which++)
    {
      Tally *t = &d->tally[which];
      g_autofree char *clear = g_strdup_printf ("DELETE FROM %s", tally_tables[which].table);
      g_autofree guint *order = g_new (guint, MAX (1, t->n));
      guint n = 0;

      if (!vigie_store_exec (d->store, clear, error))
        return FALSE;
      for (guint i = 0; i < t->capacity; i++)
        if (t->keys[i] != 0)
          order[n++] = i;
      g_qsort_with_data (order, (gint) n, sizeof (guint), compare_slots, t->keys);
      for (guint r = 0; r < n; r++)
        {
          const gint64 *v = t->values + (gsize) order[r] * t->width;
          Batch *b = row_begin (d, ST_SUMMARY + which);
          int k = bind_tally_key (d, which, b, t->keys[order[r]] - 1);

          for (guint j = 0; j < t->width; j++)
            bind_int (b, k + 1 + (int) j, v[j]);
          RUN (ST_SUMMARY + which);
        }
      if (!batch_flush (d, ST_SUMMARY + which, error))
        return FALSE;
      rows += n;
    }
  g_debug ("%" G_GUINT64_FORMAT " rows of summaries written in %.1f ms", rows,
           (g_get_monotonic_time () - start) / 1000.0);
  return TRUE;
}

static const char **
translate_table (const char *const *table,
                 guint              n)
{
  const char **out = g_new (const char *, n);

  for (guint i = 0; i < n; i++)
    out[i] = table[i][0] != '\0' ? g_dgettext (GETTEXT_PACKAGE, table[i]) : "";
  return out;
}

#define TRANSLATE(table) translate_table ((table), G_N_ELEMENTS (table))

/* Translated templates hold at most one %u; translators keep it (checked by msgfmt -c). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
format_template (GString    *out,
                 const char *format,
                 guint       value)
{
  g_string_truncate (out, 0);
  if (strchr (format, '%') != NULL)
    g_string_append_printf (out, format, value);
  else
    g_string_append (out, format);
}
#pragma GCC diagnostic pop

/* Reports progress at each new per cent and checks for cancellation. */
static gboolean
step_progress (Demo        *d,
               double       fraction,
               const char  *stage,
               GError     **error)
{
  int percent = (int) (fraction * 100.0);

  if (g_cancellable_set_error_if_cancelled (d->cancellable, error))
    return FALSE;
  if (percent != d->last_percent)
    {
      d->last_percent = percent;
      if (d->progress != NULL)
        d->progress (CLAMP (fraction, 0.0, 1.0), stage, d->user_data);
      if (g_cancellable_set_error_if_cancelled (d->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* ─── Organisations ──────────────────────────────────────────────────────── */

static gint64
insert_org (Demo        *d,
            const char  *kind,
            const char  *name,
            const char  *country,
            gint64       consortium_id,
            int          affiliated_day,
            GError     **error)
{
  Batch *s = row_begin (d, ST_ORG);

  bind_text (s, 1, make_uuid (d));
  bind_text (s, 2, kind);
  bind_text (s, 3, name);
  bind_text (s, 4, country);
  bind_null (s, 5);
  bind_id (s, 6, consortium_id);
  bind_text (s, 7, affiliated_day != 0 ? date_at (d, affiliated_day) : NULL);
  bind_text (s, 8, "");
  bind_text (s, 9, d->stamp);
  if (!row_end (d, ST_ORG, error))
    return 0;
  return LAST_ID (ST_ORG);
}

static gboolean
generate_organisations (Demo    *d,
                        GError **error)
{
  gint64 consortium_ids[G_N_ELEMENTS (consortia)];
  gint64 id;

#define ORG(kind, name, country, consortium, day) \
  G_STMT_START { \
    id = insert_org (d, kind, name, country, consortium, day, error); \
    if (id == 0) \
      return FALSE; \
  } G_STMT_END

  for (guint i = 0; i < G_N_ELEMENTS (consortia); i++)
    {
      ORG ("consortium", consortia[i][0], consortia[i][1], 0, 0);
      consortium_ids[i] = id;
    }
  for (guint i = 0; i < G_N_ELEMENTS (affiliates); i++)
    {
      gint64 consortium = affiliates[i].consortium > 0
                          ? consortium_ids[affiliates[i].consortium - 1] : 0;
      int day = d->today - rng_range (&d->rng, 180, 3600);

      ORG ("affiliate", affiliates[i].name, affiliates[i].country, consortium, day);
      g_array_append_val (d->affiliate_ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    {
      ORG ("brand", brands[i][0], brands[i][1], 0, 0);
      g_array_append_val (d->brand_ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (contractors); i++)
    {
      ORG ("contractor", contractors[i][0], contractors[i][1], 0, 0);
      g_array_append_val (d->contractor_ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    {
      ORG ("recruitment_agency", agencies[i][0], agencies[i][1], 0, 0);
      g_array_append_val (d->agency_ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      ORG ("monitoring_partner", partners[i][0], partners[i][1], 0, 0);
      d->partner_ids[i] = id;
      d->partner_names[i] = partners[i][0];
    }
  for (guint i = 0; i < G_N_ELEMENTS (unions); i++)
    {
      ORG ("union", unions[i][0], unions[i][1], 0, 0);
      g_array_append_val (d->union_ids, id);
    }
#undef ORG
  return TRUE;
}

/* ─── Sites and workforce ────────────────────────────────────────────────── */

static void
latin_word (Demo    *d,
            GString *out)
{
  g_string_append (out, PICK (&d->rng, word_prefixes));
  g_string_append (out, PICK (&d->rng, word_suffixes));
}

/* Fills d->s1 (name), d->s2 (native name) and d->s3 (address). */
static void
make_site_names (Demo           *d,
                 const DemoCity *city,
                 const DemoCountry *country)
{
  GString *name = d->s1, *native = d->s2, *address = d->s3;
  guint number = (guint) rng_range (&d->rng, 1, 388);

  g_string_truncate (name, 0);
  g_string_truncate (native, 0);
  g_string_truncate (address, 0);

  switch (country->style)
    {
    case STYLE_CN:
    case STYLE_TW:
      {
        guint a = rng_below (&d->rng, G_N_ELEMENTS (syllables));
        guint b = (a + 1 + rng_below (&d->rng, G_N_ELEMENTS (syllables) - 1))
                  % G_N_ELEMENTS (syllables);
        guint ind = rng_below (&d->rng, G_N_ELEMENTS (industries));
        gboolean tw = country->style == STYLE_TW;

        if (!tw)
          g_string_append_printf (name, "%s ", city->city);
        g_string_append_c (name, g_ascii_toupper (syllables[a][0][0]));
        g_string_append (name, syllables[a][0] + 1);
        g_string_append (name, syllables[b][0]);
        g_string_append_printf (name, " %s %s", industries[ind][0],
                                tw ? "Corporation" : "Co., Ltd.");
        if (!tw)
          g_string_append_printf (native, "%s市", city->native_city);
        g_string_append (native, syllables[a][tw ? 2 : 1]);
        g_string_append (native, syllables[b][tw ? 2 : 1]);
        g_string_append (native, industries[ind][tw ? 2 : 1]);
        g_string_append (native, tw ? "股份有限公司" : "有限公司");
        if (tw)
          g_string_append_printf (address, "No. %u, %s Rd., %s, %s", number,
                                  PICK (&d->rng, cn_roads), city->zone, city->province);
        else
          g_string_append_printf (address, "No. %u %s Road, %s, %s, %s", number,
                                  PICK (&d->rng, cn_roads), city->zone, city->city,
                                  city->province);
        return;
      }
    case STYLE_VN:
      {
        guint i = rng_below (&d->rng, G_N_ELEMENTS (vn_names));

        g_string_append_printf (name, "%s Electronics Vietnam Co., Ltd.", vn_names[i][0]);
        g_string_append_printf (native, "Công ty TNHH Điện tử %s", vn_names[i][1]);
        g_string_append_printf (address, "Lot %c%u, %s, %s, %s Province",
                                'A' + rng_below (&d->rng, 8), number % 60 + 1, city->zone,
                                city->city, city->province);
        return;
      }
    case STYLE_TH:
      {
        guint i = rng_below (&d->rng, G_N_ELEMENTS (th_names));

        g_string_append_printf (name, "%s Electronics (Thailand) Co., Ltd.", th_names[i][0]);
        g_string_append_printf (native, "บริษัท %sอิเล็กทรอนิกส์ (ประเทศไทย) จำกัด",
                                th_names[i][1]);
        gint sub = rng_range (&d->rng, 1, 40);
        gint moo = rng_range (&d->rng, 1, 12);

        g_string_append_printf (address, "%u/%d Moo %d, %s, %s, %s", number, sub, moo,
                                city->zone, city->city, city->province);
        return;
      }
    case STYLE_KR:
      {
        guint i = rng_below (&d->rng, G_N_ELEMENTS (kr_names));

        g_string_append_printf (name, "%s Electronics Co., Ltd.", kr_names[i][0]);
        g_string_append_printf (native, "(주)%s전자", kr_names[i][1]);
        g_string_append_printf (address, "%u, Sandan-ro, %s, %s, %s", number, city->zone,
                                city->city, city->province);
        return;
      }
    case STYLE_JP:
      {
        guint i = rng_below (&d->rng, G_N_ELEMENTS (jp_names));

        g_string_append_printf (name, "%s Denshi K.K.", jp_names[i][0]);
        g_string_append_printf (native, "%s電子株式会社", jp_names[i][1]);
        g_string_append_printf (address, "%u-%u %s, %s, %s Prefecture", number % 40 + 1,
                                rng_range (&d->rng, 1, 30), city->zone, city->city,
                                city->province);
        return;
      }
    case STYLE_LATIN:
    default:
      {
        GString *word = d->s4;
        g_autofree char *formatted = NULL;

        g_string_truncate (word, 0);
        latin_word (d, word);
        /* name_format is one of the literal formats of countries[]. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        g_string_append_printf (name, country->name_format, word->str);
#pragma GCC diagnostic pop
        g_string_append_printf (address, "%u %s, %s, %s, %s", number,
                                PICK (&d->rng, latin_streets), city->zone, city->city,
                                city->province);
        return;
      }
    }
}

static void
append_products (Demo       *d,
                 GString    *out,
                 guint       location)
{
  const char *const *pool;
  guint n_pool, n, mask = 0;
  const char *first = NULL;

  g_string_truncate (out, 0);
  switch (location)
    {
    case 0: case 3:
      pool = products_final;
      n_pool = G_N_ELEMENTS (products_final);
      break;
    case 1:
      pool = products_component;
      n_pool = G_N_ELEMENTS (products_component);
      break;
    case 2:
      pool = products_raw;
      n_pool = G_N_ELEMENTS (products_raw);
      break;
    default:
      return;
    }
  n = (guint) rng_range (&d->rng, 1, 3);
  for (guint i = 0; i < n; i++)
    mask |= 1u << rng_below (&d->rng, n_pool);
  for (guint i = 0; i < n_pool; i++)
    if (mask & (1u << i))
      {
        if (first != NULL)
          g_string_append_c (out, ',');
        first = pool[i];
        g_string_append (out, pool[i]);
      }
}

static gint
draw_total (Demo  *d,
            guint  location)
{
  static const double median[] = { 4000, 900, 350, 150, 60 };
  double v = median[location] * exp (0.8 * rng_normal (&d->rng));

  return (gint) CLAMP (v, 8, 150000);
}

static gboolean
generate_sites (Demo    *d,
                GError **error)
{
  guint city_weights[G_N_ELEMENTS (cities)];
  guint country_weights[G_N_ELEMENTS (countries)];
  guint country_total = 0;
  static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  g_autoptr(GString) products = g_string_new (NULL);
  char year_str[5];
  int today_year;

  memcpy (year_str, d->dates[DATE_PAST], 4);
  year_str[4] = '\0';
  today_year = (int) g_ascii_strtoll (year_str, NULL, 10);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      country_weights[i] = countries[i].weight;
      country_total += countries[i].weight;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    city_weights[i] = cities[i].weight;

  for (guint i = 0; i < d->n_sites; i++)
    {
      SiteInfo *info = &d->sites[i];
      guint ci = rng_weighted (&d->rng, country_weights, G_N_ELEMENTS (countries),
                               country_total);
      const DemoCountry *country = &countries[ci];
      const DemoCity *city = NULL;
      guint first = 0, count = 0, total = 0;
      Batch *s = row_begin (d, ST_SITE);
      g_autofree char *match_key = NULL;
      char os_id[16];
      gboolean has_os_id;
      gint64 employer_id = 0;
      const char *employer;
      guint n_snapshots;
      int day;

      for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
        if (strcmp (cities[c].country, country->code) == 0)
          {
            if (count == 0)
              first = c;
            count++;
            total += city_weights[c];
          }
      city = &cities[first + rng_weighted (&d->rng, city_weights + first, count, total)];

      info->country = ci;
      info->location = rng_weighted (&d->rng, location_weights, G_N_ELEMENTS (location_weights),
                                     100);
      make_site_names (d, city, country);
      append_products (d, products, info->location);
      employer = g_string_chunk_insert_const (d->strings, d->s1->str);
      if (rng_chance (&d->rng, 0.6))
        {
          employer_id = insert_org (d, "employer", employer, country->code, 0, 0, error);
          if (employer_id == 0)
            return FALSE;
        }
      info->employer_id = employer_id;
      info->employer = employer;

      has_os_id = rng_chance (&d->rng, 0.35);
      if (has_os_id)
        {
          guint32 serial = (guint32) ((i * 2654435761u + 12345u) & 0x1FFFFFF);
          int year = today_year - rng_range (&d->rng, 1, 6);

          g_snprintf (os_id, sizeof os_id, "%s%04d%03d", country->code, year,
                      rng_range (&d->rng, 1, 365));
          for (guint k = 0; k < 5; k++)
            os_id[9 + k] = crockford[(serial >> (5 * (4 - k))) & 31];
          os_id[14] = vigie_os_id_check_char (os_id);
          os_id[15] = '\0';
        }

      match_key = vigie_site_match_key (d->s1->str, d->s3->str, country->code);
      bind_text (s, 1, make_uuid (d));
      bind_text (s, 2, d->s1->str);
      bind_text (s, 3, d->s2->str);
      bind_text (s, 4, d->s3->str);
      bind_text (s, 5, country->code);
      bind_double (s, 6, round ((city->lat + (rng_double (&d->rng) - 0.5) * 0.16) * 1e5) / 1e5);
      bind_double (s, 7, round ((city->lon + (rng_double (&d->rng) - 0.5) * 0.16) * 1e5) / 1e5);
      bind_text (s, 8, has_os_id ? os_id : NULL);
      bind_text (s, 9, rng_chance (&d->rng, 0.5) ? PICK (&d->rng, parent_groups) : "");
      bind_text (s, 10, employer);
      bind_id (s, 11, employer_id);
      bind_text (s, 12, location_types[info->location]);
      bind_text (s, 13, products->str);
      bind_int (s, 14, rng_chance (&d->rng, 0.03));
      bind_text (s, 15, rng_chance (&d->rng, 0.15) ? PICK_TR (d, site_notes, site_notes) : "");
      bind_text (s, 16, match_key);
      bind_text (s, 17, d->stamp);
      RUN (ST_SITE);
      info->id = LAST_ID (ST_SITE);

      /* Workforce: 1–3 snapshots, oldest first; the last one is the site's profile. */
      info->total = draw_total (d, info->location);
      info->women = 0.40 + 0.40 * rng_double (&d->rng);
      info->migrant = country->migrant_lo
                      + (country->migrant_hi - country->migrant_lo) * rng_double (&d->rng);
      info->agency = country->agency_hi * rng_double (&d->rng);
      info->student = country->students && rng_chance (&d->rng, 0.5)
                      ? 0.20 * rng_double (&d->rng) : 0.0;
      n_snapshots = (guint) rng_range (&d->rng, 1, 3);
      for (guint k = 0; k < n_snapshots; k++)
        {
          Batch *w = row_begin (d, ST_WORKFORCE);
          const char *source = PICK (&d->rng, workforce_sources);
          gboolean range = strcmp (source, "monitor_estimate") == 0 && rng_chance (&d->rng, 0.6);
          double drift = 0.85 + 0.3 * rng_double (&d->rng);
          gint total_k = k + 1 == n_snapshots ? info->total : (gint) (info->total * drift) + 1;
          gint base = range ? total_k * 9 / 10 : total_k;
          gint under18 = rng_chance (&d->rng, 0.02) ? rng_range (&d->rng, 1, imin (10, base)) : 0;

          day = d->today - (int) (n_snapshots - 1 - k) * 365 - rng_range (&d->rng, 0, 200);
          bind_text (w, 1, make_uuid (d));
          bind_int (w, 2, info->id);
          bind_text (w, 3, date_at (d, day));
          bind_text (w, 4, source);
          if (range)
            {
              bind_null (w, 5);
              bind_int (w, 6, base);
              bind_int (w, 7, total_k * 11 / 10 + 1);
            }
          else
            {
              bind_int (w, 5, total_k);
              bind_null (w, 6);
              bind_null (w, 7);
            }
          bind_int (w, 8, (gint64) (base * info->women));
          bind_int_or_null (w, 9, country->migrant_hi > 0.2 || rng_chance (&d->rng, 0.5)
                                  ? (gint64) (base * info->migrant) : -1);
          bind_int_or_null (w, 10, rng_chance (&d->rng, 0.8) ? (gint64) (base * info->agency) : -1);
          bind_int_or_null (w, 11, rng_chance (&d->rng, 0.6)
                                   ? (gint64) (base * 0.3 * rng_double (&d->rng)) : -1);
          bind_int_or_null (w, 12, country->students ? (gint64) (base * info->student) : -1);
          bind_int_or_null (w, 13, rng_chance (&d->rng, 0.7) ? under18 : -1);
          bind_int_or_null (w, 14, rng_chance (&d->rng, 0.3) ? -1 : (gint64) rng_chance (&d->rng, 0.3));
          bind_text (w, 15, "");
          bind_text (w, 16, d->stamp);
          RUN (ST_WORKFORCE);
        }

      if ((i & 127) == 0
          && !step_progress (d, 0.01 + 0.07 * i / d->n_sites, _("Sites"), error))
        return FALSE;
    }
  return TRUE;
}

/* ─── Contracts and disclosure ───────────────────────────────────────────── */

static const char *
currency_for (const char *country)
{
  if (strcmp (country, "SE") == 0)
    return "SEK";
  if (strcmp (country, "GB") == 0)
    return "GBP";
  if (strcmp (country, "US") == 0 || strcmp (country, "CA") == 0)
    return "USD";
  return "EUR";
}

static gboolean
generate_contracts (Demo    *d,
                    GError **error)
{
  static const char *const model_prefixes[] = { "ProLine", "EliteBook", "Vista", "Nova", "Core", "Aero" };
  static const char *const contract_products_pool[] = {
    "laptops", "desktops", "displays", "printers", "servers", "networking", "phones", "tablets",
  };

  for (guint a = 0; a < d->affiliate_ids->len; a++)
    {
      guint n = (guint) rng_range (&d->rng, 1, 4);
      const char *affiliate_country = affiliates[a].country;

      for (guint k = 0; k < n; k++)
        {
          Batch *s = row_begin (d, ST_CONTRACT);
          ContractInfo info = { 0 };
          const char *currency = currency_for (affiliate_country);
          g_autofree char *reference = NULL;
          guint n_products;

          info.start = d->today - rng_range (&d->rng, 30, 2400);
          info.end = info.start + 365 * rng_range (&d->rng, 2, 5);
          reference = g_strdup_printf ("T-%.4s-%04u", date_at (d, info.start),
                                       rng_range (&d->rng, 1, 9999));
          bind_text (s, 1, make_uuid (d));
          bind_text (s, 2, reference);
          bind_int (s, 3, g_array_index (d->affiliate_ids, gint64, a));
          bind_int (s, 4, g_array_index (d->contractor_ids, gint64,
                                         rng_below (&d->rng, d->contractor_ids->len)));
          bind_id (s, 5, rng_chance (&d->rng, 0.9)
                         ? g_array_index (d->brand_ids, gint64, rng_below (&d->rng, d->brand_ids->len))
                         : 0);
          bind_text (s, 6, date_at (d, info.start));
          bind_text (s, 7, date_at (d, info.end));
          if (rng_chance (&d->rng, 0.85))
            {
              gint64 spend = (gint64) rng_range (&d->rng, 50, 20000) * 100000; /* 50k–20M */

              if (strcmp (currency, "SEK") == 0)
                spend *= 11;
              bind_int (s, 8, spend);
              bind_text (s, 9, currency);
            }
          else
            {
              bind_null (s, 8);
              bind_null (s, 9);
            }
          bind_text (s, 10, "");
          bind_text (s, 11, d->stamp);
          RUN (ST_CONTRACT);
          info.id = LAST_ID (ST_CONTRACT);

          n_products = (guint) rng_range (&d->rng, 2, 5);
          for (guint p = 0; p < n_products; p++)
            {
              Batch *cp = row_begin (d, ST_CONTRACT_PRODUCT);
              const char *brand = brands[rng_below (&d->rng, G_N_ELEMENTS (brands))][0];
              const char *line = PICK (&d->rng, model_prefixes);
              char letter = (char) ('A' + rng_below (&d->rng, 26));
              g_autofree char *model = g_strdup_printf ("%s %s %c%d", brand, line, letter,
                                                        rng_range (&d->rng, 10, 990));

              bind_int (cp, 1, info.id);
              bind_text (cp, 2, model);
              bind_text (cp, 3, PICK (&d->rng, contract_products_pool));
              bind_int_or_null (cp, 4, rng_chance (&d->rng, 0.8) ? rng_range (&d->rng, 20, 40000) : -1);
              RUN (ST_CONTRACT_PRODUCT);
              if (p == 0)
                info.first_product = LAST_ID (ST_CONTRACT_PRODUCT);
            }
          info.n_products = n_products;
          g_array_append_val (d->contracts, info);

          /* Disclosure requests, in every status. */
          for (guint r = 0, nr = (guint) rng_range (&d->rng, 1, 3); r < nr; r++)
            {
              Batch *dr = row_begin (d, ST_DISCLOSURE);
              int requested = imax (info.start, d->today - 1500) + rng_range (&d->rng, 0, 400);
              const char *status;
              int answered;

              requested = imin (requested, d->today - rng_range (&d->rng, 0, 20));
              status = PICK (&d->rng, disclosure_statuses);
              answered = imin (requested + rng_range (&d->rng, 5, 90), d->today);
              bind_text (dr, 1, make_uuid (d));
              bind_int (dr, 2, info.id);
              bind_int (dr, 3, g_array_index (d->contractor_ids, gint64,
                                              rng_below (&d->rng, d->contractor_ids->len)));
              bind_text (dr, 4, PICK (&d->rng, disclosure_subjects));
              bind_text (dr, 5, rng_chance (&d->rng, 0.7) ? PICK (&d->rng, tiers) : NULL);
              bind_text (dr, 6, date_at (d, requested));
              bind_text (dr, 7, date_at (d, requested + 30));
              bind_text (dr, 8, strcmp (status, "requested") == 0 ? NULL : date_at (d, answered));
              bind_text (dr, 9, status);
              bind_text (dr, 10, "");
              bind_text (dr, 11, d->stamp);
              RUN (ST_DISCLOSURE);
            }
        }
    }

  /* Link sites to contracts (supply chain mapping). */
  for (guint i = 0; i < d->n_sites; i++)
    {
      SiteInfo *info = &d->sites[i];
      guint n_links;
      guint used[3] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };

      if (info->location == 4 || !rng_chance (&d->rng, 0.85))
        continue;
      n_links = (guint) rng_range (&d->rng, 1, imin (3u, d->contracts->len));
      for (guint k = 0; k < n_links; k++)
        {
          Batch *cs = row_begin (d, ST_CONTRACT_SITE);
          guint c = rng_below (&d->rng, d->contracts->len);
          const ContractInfo *contract;
          const char *tier;
          int day;

          if (c == used[0] || c == used[1] || c == used[2])
            continue;
          used[k] = c;
          contract = &g_array_index (d->contracts, ContractInfo, c);
          switch (info->location)
            {
            case 0: tier = tiers[0]; break;
            case 1: tier = tiers[rng_range (&d->rng, 1, 2)]; break;
            case 2: tier = tiers[3]; break;
            default: tier = tiers[2]; break;
            }
          day = imin (contract->start + rng_range (&d->rng, 30, 700), d->today);
          bind_int (cs, 1, contract->id);
          bind_int (cs, 2, info->id);
          bind_id (cs, 3, info->location == 0 && rng_chance (&d->rng, 0.7)
                          ? contract->first_product + rng_below (&d->rng, contract->n_products) : 0);
          bind_text (cs, 4, tier);
          bind_text (cs, 5, PICK (&d->rng, link_sources));
          bind_text (cs, 6, rng_chance (&d->rng, 0.8) ? date_at (d, day) : NULL);
          RUN (ST_CONTRACT_SITE);
          /* Its rows of figures_link_rows: every year the contract is in force. */
          for (guint y = year_index (d, date_at (d, contract->start));
               y <= year_index (d, date_at (d, contract->end)); y++)
            tally_at (&d->tally[T_LINK_YEARS], KEY (y, 32, i))[0]++;
        }
      if ((i & 255) == 0
          && !step_progress (d, 0.08 + 0.02 * i / d->n_sites, _("Contracts"), error))
        return FALSE;
    }
  return TRUE;
}

/* ─── Chemicals ──────────────────────────────────────────────────────────── */

static gboolean
generate_substances (Demo    *d,
                     GError **error)
{
  for (guint i = 0; i < N_SUBSTANCES; i++)
    {
      const DemoSubstance *sub = &substances[i];
      sqlite3_stmt *s = d->substance_stmt;
      g_auto(GStrv) codes = NULL;
      int rc;

      vigie_bind_text (s, 1, make_uuid (d));
      vigie_bind_text (s, 2, sub->name);
      vigie_bind_text (s, 3, sub->cas);
      vigie_bind_text (s, 4, sub->ec);
      sqlite3_bind_int64 (s, 5, sub->svhc);
      vigie_bind_text (s, 6, sub->svhc_date);
      sqlite3_bind_int64 (s, 7, sub->sin);
      sqlite3_bind_int64 (s, 8, sub->rohs);
      vigie_bind_text (s, 9, sub->cmr);
      vigie_bind_text (s, 10, d->stamp);
      rc = sqlite3_step (s);
      if (rc != SQLITE_ROW)
        {
          vigie_store_set_error (d->store, rc, error);
          sqlite3_reset (s);
          return FALSE;
        }
      d->substance_ids[i] = sqlite3_column_int64 (s, 0);
      while ((rc = sqlite3_step (s)) == SQLITE_ROW)
        ;
      sqlite3_reset (s);
      if (rc != SQLITE_DONE)
        {
          vigie_store_set_error (d->store, rc, error);
          return FALSE;
        }

      codes = g_strsplit (sub->hazards, " ", -1);
      for (guint k = 0; codes[k] != NULL; k++)
        {
          if (codes[k][0] == '\0')
            continue;
          bind_int (row_begin (d, ST_SUBSTANCE_HAZARD), 1, d->substance_ids[i]);
          bind_text (&d->batch[ST_SUBSTANCE_HAZARD], 2, codes[k]);
          RUN (ST_SUBSTANCE_HAZARD);
        }
    }
  return TRUE;
}

static gboolean
generate_chemicals (Demo    *d,
                    GError **error)
{
  char period[8];

  if (!generate_substances (d, error))
    return FALSE;

  for (guint i = 0; i < d->n_sites; i++)
    {
      SiteInfo *info = &d->sites[i];
      double p = info->location <= 1 ? 0.25 : info->location == 2 ? 0.2 : 0.03;
      guint n_products;
      gboolean cn = strcmp (countries[info->country].code, "CN") == 0;

      if (!rng_chance (&d->rng, p))
        continue;
      /* Inventory of last year, or of a recent month. */
      if (rng_chance (&d->rng, 0.7))
        g_snprintf (period, sizeof period, "%.4s", date_at (d, d->today - 365));
      else
        g_snprintf (period, sizeof period, "%.7s", date_at (d, d->today - rng_range (&d->rng, 30, 300)));

      n_products = (guint) rng_range (&d->rng, 2, 8);
      for (guint k = 0; k < n_products; k++)
        {
          const DemoRecipe *recipe = &recipes[rng_below (&d->rng, G_N_ELEMENTS (recipes))];
          Batch *s = row_begin (d, ST_CHEM_PRODUCT);
          gint exposed = rng_range (&d->rng, 2, imax (3, info->total / 20));
          double qty = rng_range (&d->rng, 20, 20000);
          gboolean sds = rng_chance (&d->rng, 0.75);
          gint64 product_id;
          guint hazards_written = 0;

          bind_text (s, 1, make_uuid (d));
          bind_int (s, 2, info->id);
          bind_text (s, 3, period);
          bind_text (s, 4, recipe->trade_name);
          bind_text (s, 5, PICK (&d->rng, chemical_suppliers));
          bind_int (s, 6, sds);
          bind_text (s, 7, sds ? date_at (d, d->today - rng_range (&d->rng, 100, 2000)) : NULL);
          bind_int (s, 8, sds && rng_chance (&d->rng, 0.5));
          bind_text (s, 9, recipe->process);
          bind_text (s, 10, PICK_TR (d, departments, departments));
          bind_double (s, 11, qty);
          bind_double (s, 12, round (qty / rng_range (&d->rng, 4, 12)));
          bind_text (s, 13, recipe->unit);
          bind_text (s, 14, rng_chance (&d->rng, 0.5) ? "employer" : "purchase records");
          bind_int (s, 15, exposed);
          bind_int (s, 16, (gint64) (exposed * info->women));
          bind_text (s, 17, PICK_TR (d, controls, controls_texts));
          bind_text (s, 18, PICK_TR (d, ppe, ppe_texts));
          bind_int_or_null (s, 19, rng_chance (&d->rng, 0.2) ? -1 : rng_chance (&d->rng, 0.55));
          bind_int (s, 20, rng_chance (&d->rng, 0.6));
          bind_int (s, 21, rng_chance (&d->rng, 0.4));
          bind_text (s, 22, d->stamp);
          RUN (ST_CHEM_PRODUCT);
          product_id = LAST_ID (ST_CHEM_PRODUCT);

          for (guint c = 0; c < recipe->n; c++)
            {
              const DemoSubstance *sub = &substances[recipe->substance[c]];
              g_auto(GStrv) codes = g_strsplit (sub->hazards, " ", -1);

              bind_int (row_begin (d, ST_CONSTITUENT), 1, product_id);
              bind_int (&d->batch[ST_CONSTITUENT], 2, d->substance_ids[recipe->substance[c]]);
              bind_double (&d->batch[ST_CONSTITUENT], 3, recipe->conc_min[c]);
              bind_double (&d->batch[ST_CONSTITUENT], 4, recipe->conc_max[c]);
              RUN (ST_CONSTITUENT);
              for (guint h = 0; codes[h] != NULL && hazards_written < 6; h++)
                {
                  if (codes[h][0] == '\0')
                    continue;
                  bind_int (row_begin (d, ST_PRODUCT_HAZARD), 1, product_id);
                  bind_text (&d->batch[ST_PRODUCT_HAZARD], 2, codes[h]);
                  RUN (ST_PRODUCT_HAZARD);
                  hazards_written++;
                }
            }

          /* Measurements of the main substance, some above the limit. */
          if (rng_chance (&d->rng, 0.35))
            {
              /* Solders: measure the alloying metal, not the tin. */
              guint sub_index = recipe->substance[recipe->n > 1 && recipe->substance[0] == S_TIN ? 1 : 0];
              const DemoSubstance *sub = &substances[sub_index];
              Batch *e = row_begin (d, ST_EXPOSURE);
              double value = sub->limit * exp (-0.9 + 0.7 * rng_normal (&d->rng));

              bind_text (e, 1, make_uuid (d));
              bind_int (e, 2, info->id);
              bind_int (e, 3, product_id);
              bind_int (e, 4, d->substance_ids[sub_index]);
              bind_text (e, 5, sub->kind);
              bind_text (e, 6, date_at (d, d->today - rng_range (&d->rng, 10, 700)));
              bind_double (e, 7, round (value * 100) / 100);
              bind_text (e, 8, sub->unit);
              bind_double (e, 9, sub->limit);
              bind_text (e, 10, cn ? "GBZ 2.1-2019 PC-TWA" : "National occupational exposure limit");
              bind_text (e, 11, value > sub->limit ? _("Above the limit value") : "");
              bind_text (e, 12, d->stamp);
              RUN (ST_EXPOSURE);
            }
        }
      if ((i & 255) == 0
          && !step_progress (d, 0.10 + 0.02 * i / d->n_sites, _("Chemical inventories"), error))
        return FALSE;
    }
  return TRUE;
}

/* ─── Monitoring: investigations, findings, remediation, grievances ──────── */

static gboolean
is_forced_labour_theme (const char *key)
{
  return strcmp (key, "forced_labour") == 0 || strcmp (key, "recruitment_fees") == 0
         || strcmp (key, "document_retention") == 0 || strcmp (key, "freedom_of_movement") == 0;
}

static guint
pick_theme (Demo           *d,
            const SiteInfo *site)
{
  for (;;)
    {
      guint t = rng_weighted (&d->rng, d->theme_weights, d->n_themes, d->theme_total);

      if (d->template_count[t] == 0)
        continue;
      if (strcmp (d->themes[t].key, "students_interns") == 0 && site->student <= 0.0)
        continue;
      return t;
    }
}

static gboolean
generate_action (Demo           *d,
                 const SiteInfo *site,
                 gint64          finding_id,
                 const char     *severity,
                 const char     *finding_status,
                 const char     *theme,
                 int             observed,
                 gint            workers,
                 gint64          testimony_id,
                 GError        **error)
{
  static const int plan_days[] = { 7, 14, 14 };
  static const int completion_days[] = { 30, 90, 180 };
  Batch *s = row_begin (d, ST_ACTION);
  const DemoCountry *country = &countries[site->country];
  int sev = strcmp (severity, "critical") == 0 ? 0 : strcmp (severity, "major") == 0 ? 1 : 2;
  int opened = imin (observed + rng_range (&d->rng, 3, 30), d->today);
  int status, n_chain = 0, day, completed = 0;
  const char *remedy, *due;
  gint64 action_id;
  int roll = (int) rng_below (&d->rng, 100);
  gint64 amount_minor = -1, beneficiaries[6] = { 0 };
  guint currency = 0;   /* none; 1: USD; 2 + i: the local currency of countries[i] */

  /* The action's status follows the finding's. */
  if (strcmp (finding_status, "closed") == 0)
    status = roll < 45 ? R_CLOSED : roll < 70 ? R_VERIFIED_WORKERS : roll < 92 ? R_VERIFIED_MONITOR : R_ABANDONED;
  else if (strcmp (finding_status, "progress_made") == 0)
    status = roll < 45 ? R_IN_PROGRESS : roll < 75 ? R_REPORTED_COMPLETE : roll < 90 ? R_PLAN_ACCEPTED : R_VERIFIED_MONITOR;
  else if (strcmp (finding_status, "disputed") == 0)
    status = roll < 50 ? R_DISPUTED : roll < 80 ? R_ESCALATED : R_PLAN_REJECTED;
  else
    status = roll < 30 ? R_PROPOSED : roll < 55 ? R_PLAN_SUBMITTED : roll < 75 ? R_IN_PROGRESS
             : roll < 85 ? R_PLAN_ACCEPTED : roll < 93 ? R_PLAN_REJECTED : R_ESCALATED;

  if (strcmp (theme, "wages") == 0 || strcmp (theme, "living_wage") == 0
      || strcmp (theme, "legal_compliance") == 0)
    remedy = rng_chance (&d->rng, 0.7) ? "compensation" : "non_repetition";
  else if (strcmp (theme, "recruitment_fees") == 0 || strcmp (theme, "document_retention") == 0)
    remedy = "restitution";
  else if (strcmp (theme, "health_safety") == 0 || strcmp (theme, "chemicals") == 0)
    remedy = rng_chance (&d->rng, 0.2) ? "rehabilitation" : "corrective_only";
  else if (strcmp (theme, "violence_harassment") == 0 || strcmp (theme, "gender_based_violence") == 0
           || strcmp (theme, "non_retaliation") == 0)
    remedy = rng_chance (&d->rng, 0.4) ? "satisfaction" : "non_repetition";
  else
    remedy = rng_chance (&d->rng, 0.6) ? "corrective_only" : "non_repetition";

  bind_text (s, 1, make_uuid (d));
  bind_int (s, 2, finding_id);
  bind_text (s, 3, PICK_TR (d, actions, action_descriptions));
  bind_text (s, 4, PICK_TR (d, root_causes, root_causes));
  bind_text (s, 5, PICK_TR (d, preventive, preventive_actions));
  bind_id (s, 6, site->employer_id);
  bind_text (s, 7, remedy);
  if (strcmp (remedy, "compensation") == 0 || strcmp (remedy, "restitution") == 0)
    {
      gboolean local = rng_chance (&d->rng, 0.3);
      gint64 per_worker = rng_range (&d->rng, 40, 1500);   /* US dollars */
      gint64 people = workers > 0 ? workers : rng_range (&d->rng, 5, 200);
      gint64 amount = per_worker * people;

      if (local)
        {
          /* Rough exchange rates: enough for plausible figures in local currency. */
          static const double usd_rate[] = { 7.2, 32, 25000, 4.7, 36, 56, 15800, 18, 23, 360, 4,
                                             83, 1350, 150, 5.2 };
          amount = (gint64) (amount * usd_rate[site->country]) * country->minor_per_unit;
          bind_text (s, 9, country->currency);
          currency = 2 + site->country;
        }
      else
        {
          amount *= 100;
          bind_text (s, 9, "USD");
          currency = 1;
        }
      bind_int (s, 8, amount);
      amount_minor = amount;
    }
  else
    {
      bind_null (s, 8);
      bind_null (s, 9);
    }
  if (workers > 0 && rng_chance (&d->rng, 0.85))
    {
      beneficiaries[0] = workers;
      beneficiaries[1] = (gint64) (workers * site->women);
      beneficiaries[2] = (gint64) (workers * site->migrant);
      beneficiaries[3] = (gint64) (workers * site->agency);
      beneficiaries[4] = (gint64) (workers * site->student);
      beneficiaries[5] = rng_chance (&d->rng, 0.05) ? imin (workers, 3) : 0;
      for (int k = 0; k < 6; k++)
        bind_int (s, 10 + k, beneficiaries[k]);
    }
  else
    for (int k = 10; k <= 15; k++)
      bind_null (s, k);
  bind_text (s, 16, date_at (d, opened));
  bind_text (s, 17, date_at (d, opened + plan_days[sev]));
  due = date_at (d, opened + completion_days[sev]
                    + (rng_chance (&d->rng, 0.15) ? rng_range (&d->rng, 14, 90) : 0));
  bind_text (s, 18, due);

  /* Dates of the status chain, spread between opening and today. */
  {
    int span = d->today - opened;
    int dates[8];

    while (chains[status][n_chain] != END)
      n_chain++;
    day = opened;
    for (int k = 0; k < n_chain; k++)
      {
        if (k > 0)
          day = imin (day + rng_range (&d->rng, 1, imax (1, 2 * span / n_chain)), d->today);
        dates[k] = day;
        if (chains[status][k] == R_REPORTED_COMPLETE)
          completed = day;
      }
    bind_text (s, 19, completed != 0 ? date_at (d, completed) : NULL);
    bind_text (s, 20, remediation_statuses[status]);
    bind_text (s, 21, status == R_ESCALATED ? (rng_chance (&d->rng, 0.7) ? "contract_escalation" : "sanction")
                      : status == R_DISPUTED || status == R_PLAN_REJECTED ? "formal_request"
                      : rng_chance (&d->rng, 0.75) ? "informal" : "formal_request");
    bind_text (s, 22, d->stamp);
    RUN (ST_ACTION);
    action_id = LAST_ID (ST_ACTION);
    d->n_actions++;

    /* Its rows of figures_due_rows, figures_completed_rows and figures_closure_rows. */
    tally_at (&d->tally[T_ACTIONS_DUE],
              KEY (KEY (month_index (d, due), 4, site->country), 4, status))[0]++;
    if (completed != 0)
      {
        const char *on = date_at (d, completed);
        gint64 *v = tally_at (&d->tally[T_ACTIONS_COMPLETED],
                              KEY (KEY (KEY (KEY (month_index (d, on), 4, site->country), 4,
                                             status), 3, remedy_index (remedy)), 5, currency));

        v[0]++;
        v[1] += amount_minor >= 0;
        v[2] += MAX (amount_minor, 0);
        for (int k = 0; k < 6; k++)
          v[3 + k] += beneficiaries[k];
        if (status == R_VERIFIED_WORKERS || status == R_VERIFIED_MONITOR || status == R_CLOSED)
          {
            gboolean by_workers = status == R_VERIFIED_WORKERS;
            int days = stored_day (d, completed) - stored_day (d, opened);

            /* Closed after a passage through verified_by_workers (in the history). */
            for (int k = 0; k < n_chain && status == R_CLOSED; k++)
              by_workers |= chains[status][k] == R_VERIFIED_WORKERS;
            v = tally_at (&d->tally[T_CLOSURE],
                          KEY (KEY (year_index (d, on), 20, days), 4, site->country));
            v[0]++;
            v[1] += by_workers;
          }
      }

    /* Every step, the opening one included, as the remediation module records them. */
    for (int k = 0; k < n_chain; k++)
      {
        Batch *h = row_begin (d, ST_HISTORY);
        int to = chains[status][k];
        gboolean by_partner = to == R_PLAN_ACCEPTED || to == R_PLAN_REJECTED
                              || to == R_VERIFIED_MONITOR || to == R_VERIFIED_WORKERS
                              || to == R_ESCALATED || to == R_CLOSED;

        bind_int (h, 1, action_id);
        bind_text (h, 2, k > 0 ? remediation_statuses[chains[status][k - 1]] : NULL);
        bind_text (h, 3, remediation_statuses[to]);
        bind_text (h, 4, date_at (d, dates[k]));
        bind_text (h, 5, by_partner ? d->tr_partner_label : site->employer);
        bind_text (h, 6, d->tr_history[to]);
        bind_id (h, 7, to == R_VERIFIED_WORKERS ? testimony_id : 0);
        RUN (ST_HISTORY);
      }
  }
  return TRUE;
}

static gboolean
generate_finding (Demo           *d,
                  const SiteInfo *site,
                  gint64          investigation_id,
                  int             observed,
                  gint64         *out_id,
                  GError        **error)
{
  Batch *s = row_begin (d, ST_FINDING);
  guint t = pick_theme (d, site);
  const Theme *theme = &d->themes[t];
  guint tpl = d->template_first[t] + rng_below (&d->rng, d->template_count[t]);
  const FindingTemplate *ft = &finding_templates[tpl];
  guint value = (guint) rng_range (&d->rng, (gint) ft->lo, (gint) ft->hi);
  gboolean good_practice = g_str_has_prefix (ft->title, "Good practice");
  guint sev = good_practice ? 3 : rng_weighted (&d->rng, severity_weights, 4, 100);
  const char *severity = severities[sev];
  gboolean observation = strcmp (severity, "observation") == 0;
  int age = d->today - observed;
  int roll = (int) rng_below (&d->rng, 100);
  const char *status;
  int closed_on = 0;
  gint workers = -1;
  gint64 finding_id, testimony_id = 0;
  gboolean fl = is_forced_labour_theme (theme->key);
  const char *kind;

  if (age > 730)
    status = roll < 55 ? "closed" : roll < 75 ? "progress_made" : roll < 90 ? "open" : "disputed";
  else if (age > 180)
    status = roll < 30 ? "closed" : roll < 60 ? "progress_made" : roll < 90 ? "open" : "disputed";
  else
    status = roll < 8 ? "closed" : roll < 30 ? "progress_made" : roll < 92 ? "open" : "disputed";
  if (strcmp (status, "closed") == 0)
    closed_on = imin (observed + rng_range (&d->rng, 20, imax (21, imin (age, 500))), d->today);
  if (!good_practice && rng_chance (&d->rng, 0.85))
    {
      double share = strcmp (severity, "critical") == 0 ? 0.05 : 0.15;

      workers = imax (1, (gint) (site->total * share * rng_double (&d->rng)) + 1);
    }

  format_template (d->s1, d->tr_titles[tpl], value);
  format_template (d->s2, d->tr_descriptions[tpl], value);
  bind_text (s, 1, make_uuid (d));
  bind_int (s, 2, site->id);
  bind_id (s, 3, investigation_id);
  bind_text (s, 4, d->s1->str);
  bind_text (s, 5, d->s2->str);
  bind_text (s, 6, theme->key);
  bind_text (s, 7, severity);
  kind = good_practice ? "good_practice" : observation || rng_chance (&d->rng, 0.15) ? "risk" : "breach";
  bind_text (s, 8, kind);
  bind_int_or_null (s, 9, workers);
  bind_int (s, 10, site->women > 0.5 ? rng_chance (&d->rng, 0.7) : rng_chance (&d->rng, 0.3));
  bind_int (s, 11, fl || (site->migrant > 0.2 && rng_chance (&d->rng, 0.5)));
  bind_int (s, 12, site->agency > 0.1 && rng_chance (&d->rng, 0.4));
  bind_int (s, 13, site->student > 0.0 && (strcmp (theme->key, "students_interns") == 0 || rng_chance (&d->rng, 0.1)));
  bind_int (s, 14, strcmp (theme->key, "young_workers") == 0 || strcmp (theme->key, "child_labour") == 0);
  bind_text (s, 15, date_at (d, observed));
  bind_text (s, 16, PICK_TR (d, responses, company_responses));
  bind_text (s, 17, disclosure_levels[rng_weighted (&d->rng, disclosure_weights, 6, 100)]);
  bind_text (s, 18, status);
  bind_text (s, 19, closed_on != 0 ? date_at (d, closed_on) : NULL);
  bind_text (s, 20, rng_chance (&d->rng, 0.1) ? PICK_TR (d, notes, finding_notes) : "");
  bind_text (s, 21, d->stamp);
  RUN (ST_FINDING);
  finding_id = LAST_ID (ST_FINDING);
  *out_id = finding_id;
  tally_at (&d->tally[T_FINDING_CELLS],
            KEY (KEY (KEY (month_index (d, date_at (d, observed)), 6, t), 2, sev), 4,
                 site->country))[0]++;

  /* Standards: the theme and one RBA clause it maps to. */
  if (theme->id > 0)
    {
      bind_int (row_begin (d, ST_FINDING_STANDARD), 1, finding_id);
      bind_int (&d->batch[ST_FINDING_STANDARD], 2, theme->id);
      RUN (ST_FINDING_STANDARD);
    }
  if (theme->n_rba > 0)
    {
      bind_int (row_begin (d, ST_FINDING_STANDARD), 1, finding_id);
      bind_int (&d->batch[ST_FINDING_STANDARD], 2, theme->rba[rng_below (&d->rng, theme->n_rba)]);
      RUN (ST_FINDING_STANDARD);
    }
  /* An ILO convention is cited for breaches; risks and observations do not violate one. */
  if (d->theme_convention[t] != NULL && strcmp (kind, "breach") == 0)
    {
      bind_int (row_begin (d, ST_FINDING_CONVENTION), 1, finding_id);
      bind_text (&d->batch[ST_FINDING_CONVENTION], 2, d->theme_convention[t]);
      RUN (ST_FINDING_CONVENTION);
    }

  /* Forced-labour indicators: 1–5 distinct of the 11. */
  if (fl && !observation && d->n_indicators > 0)
    {
      guint pool[16];
      guint n = (guint) rng_range (&d->rng, 1, imin (5, (gint) d->n_indicators));
      guint year = year_index (d, date_at (d, observed));

      for (guint k = 0; k < d->n_indicators; k++)
        pool[k] = k;
      for (guint k = 0; k < n; k++)
        {
          guint j = k + rng_below (&d->rng, d->n_indicators - k);
          guint tmp = pool[k];

          pool[k] = pool[j];
          pool[j] = tmp;
          bind_int (row_begin (d, ST_FINDING_INDICATOR), 1, finding_id);
          bind_int (&d->batch[ST_FINDING_INDICATOR], 2, d->indicators[pool[k]]);
          RUN (ST_FINDING_INDICATOR);
          tally_at (&d->tally[T_INDICATOR_SITES],
                    KEY (KEY (year, 32, SITE_INDEX (d, site)), 4, pool[k]))[0]++;
        }
    }

  /* Evidence for about a third of the findings. */
  if (rng_chance (&d->rng, 0.33))
    {
      guint n = (guint) rng_range (&d->rng, 1, 3);

      for (guint k = 0; k < n; k++)
        {
          Batch *e = row_begin (d, ST_EVIDENCE);
          guint kind = rng_weighted (&d->rng, evidence_weights, G_N_ELEMENTS (evidence_weights), 100);
          gboolean testimony = kind == 0;
          char pseudonym[24];

          if (testimony)
            {
              char letter = (char) ('A' + rng_below (&d->rng, 26));

              g_snprintf (pseudonym, sizeof pseudonym, "Worker %c-%04u", letter,
                          rng_below (&d->rng, 10000));
            }
          bind_text (e, 1, make_uuid (d));
          bind_int (e, 2, finding_id);
          bind_text (e, 3, evidence_kinds[kind]);
          bind_text (e, 4, d->tr_evidence[kind]);
          bind_int (e, 5, testimony ? rng_range (&d->rng, 1, 12) : 1);
          bind_text (e, 6, testimony ? pseudonym : NULL);
          bind_int (e, 7, testimony && rng_chance (&d->rng, 0.3));
          bind_text (e, 8, date_at (d, observed - rng_range (&d->rng, 0, 20)));
          bind_int (e, 9, kind == 6 ? 0 : testimony || rng_chance (&d->rng, 0.7));
          bind_text (e, 10, d->stamp);
          RUN (ST_EVIDENCE);
          if (testimony)
            testimony_id = LAST_ID (ST_EVIDENCE);

        }
    }

  /* Remediation for most breaches and risks. */
  if (!observation && rng_chance (&d->rng, 0.82))
    {
      guint n = rng_chance (&d->rng, 0.12) ? 2 : 1;

      for (guint k = 0; k < n; k++)
        if (!generate_action (d, site, finding_id, severity, status, theme->key, observed,
                              workers, testimony_id, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
generate_site_monitoring (Demo           *d,
                          const SiteInfo *site,
                          GError        **error)
{
  guint n = site->n_findings;
  guint n_inv = n > 0 ? 1 + n / 12 : (site->monitored && rng_chance (&d->rng, 0.3) ? 1 : 0);
  guint done = 0;
  gint64 first_finding = 0;
  guint n_grievances;
  guint site_partner = G_N_ELEMENTS (partners);

  for (guint p = 0; p < G_N_ELEMENTS (partners); p++)
    if (strcmp (partners[p][1], countries[site->country].code) == 0)
      {
        site_partner = p;
        break;
      }

  for (guint v = 0; v < n_inv; v++)
    {
      Batch *s = row_begin (d, ST_INVESTIGATION);
      guint share = n / n_inv + (v < n % n_inv ? 1 : 0);
      gboolean future = share == 0 && rng_chance (&d->rng, 0.5);
      int start = future ? d->today + rng_range (&d->rng, 1, 60)
                         : d->today - rng_range (&d->rng, 0, FIVE_YEARS - 1);
      int age = d->today - start;
      const char *status;
      int end = 0;
      gint64 investigation_id;
      guint partner = site_partner < G_N_ELEMENTS (partners) && rng_chance (&d->rng, 0.8)
                      ? site_partner : rng_below (&d->rng, G_N_ELEMENTS (partners));
      g_autofree char *title = NULL;

      if (age < 0)
        status = "planned";
      else if (age < 45)
        status = rng_chance (&d->rng, 0.7) ? "ongoing" : "reporting";
      else if (age < 240)
        status = PICK (&d->rng, ((const char *const[]) { "reporting", "engagement", "closed" }));
      else
        status = rng_chance (&d->rng, 0.8) ? "closed" : "engagement";
      if (strcmp (status, "closed") == 0 || strcmp (status, "engagement") == 0
          || strcmp (status, "reporting") == 0)
        end = imin (start + rng_range (&d->rng, 5, 120), d->today);

      /* Translators: title of a generated investigation: the year and the site's name. */
      title = g_strdup_printf (_("%1$.4s investigation at %2$s"), date_at (d, start), site->employer);
      bind_text (s, 1, make_uuid (d));
      bind_int (s, 2, site->id);
      bind_int (s, 3, d->partner_ids[partner]);
      bind_text (s, 4, title);
      bind_text (s, 5, PICK (&d->rng, triggers));
      bind_text (s, 6, date_at (d, start));
      bind_text (s, 7, end != 0 ? date_at (d, end) : NULL);
      bind_text (s, 8, status);
      bind_text (s, 9, d->stamp);
      RUN (ST_INVESTIGATION);
      investigation_id = LAST_ID (ST_INVESTIGATION);
      /* Its rows of figures_investigation_years: every year it was under way. */
      if (end != 0)
        for (guint y = year_index (d, date_at (d, start)); y <= year_index (d, date_at (d, end)); y++)
          {
            tally_at (&d->tally[T_SITE_YEARS], KEY (y, 32, SITE_INDEX (d, site)))[0]++;
            tally_at (&d->tally[T_PARTNER_YEARS],
                      KEY (KEY (y, 4, site->country), 6, partner))[0]++;
          }

      if (age >= 0)
        for (guint a = 0, na = (guint) rng_range (&d->rng, 1, 4); a < na; a++)
          {
            Batch *act = row_begin (d, ST_ACTIVITY);
            guint method = rng_below (&d->rng, G_N_ELEMENTS (methods));
            static const gint lo[] = { 8, 6, 40, 1, 0, 0, 0 };
            static const gint hi[] = { 60, 15, 600, 30, 0, 0, 20 };
            gint total = rng_range (&d->rng, lo[method], hi[method]);
            int a_start = imin (start + rng_range (&d->rng, 0, 30), d->today);
            gint64 women_n, migrant_n, *v;

            bind_text (act, 1, make_uuid (d));
            bind_int (act, 2, investigation_id);
            bind_text (act, 3, methods[method]);
            bind_text (act, 4, date_at (d, a_start));
            bind_text (act, 5, date_at (d, imin (a_start + rng_range (&d->rng, 0, 10), d->today)));
            bind_int (act, 6, total);
            double women = site->women + 0.1 * rng_normal (&d->rng);

            women_n = (gint64) (total * CLAMP (women, 0.0, 1.0));
            migrant_n = (gint64) (total * site->migrant * rng_double (&d->rng));
            bind_int (act, 7, women_n);
            bind_int (act, 8, migrant_n);
            bind_text (act, 9, d->stamp);
            RUN (ST_ACTIVITY);
            /* Its row of figures_activity_rows. */
            v = tally_at (&d->tally[T_ACTIVITY_INVESTIGATIONS],
                          KEY (KEY (KEY (year_index (d, date_at (d, a_start)), 3, method), 4,
                                    site->country), 40, investigation_id));
            v[0]++;
            v[1] += total;
            v[2] += women_n;
            v[3] += migrant_n;
          }

      for (guint f = 0; f < share; f++)
        {
          int observed = imin (start + rng_range (&d->rng, 0, 45), d->today);
          gint64 finding_id;
          gboolean standalone = rng_chance (&d->rng, 0.05);

          if (!generate_finding (d, site, standalone ? 0 : investigation_id, observed,
                                 &finding_id, error))
            return FALSE;
          if (first_finding == 0)
            first_finding = finding_id;
          done++;
        }
    }

  /* Grievances, some linked to a finding of the site. */
  n_grievances = site->monitored ? rng_below (&d->rng, 3) + n / 25 : 0;
  for (guint g = 0; g < n_grievances; g++)
    {
      Batch *s = row_begin (d, ST_GRIEVANCE);
      int received = d->today - rng_range (&d->rng, 0, FIVE_YEARS - 1);
      int age = d->today - received;
      const char *status;
      guint t = pick_theme (d, site);
      int ack = imin (received + rng_range (&d->rng, 1, 14), d->today);
      int resolved = imin (received + rng_range (&d->rng, 14, 240), d->today);

      if (age < 7)
        status = rng_chance (&d->rng, 0.6) ? "received" : "acknowledged";
      else if (age < 90)
        status = PICK (&d->rng, ((const char *const[]) { "acknowledged", "investigating", "resolved" }));
      else
        status = grievance_statuses[rng_range (&d->rng, 1, 5)];
      bind_text (s, 1, make_uuid (d));
      bind_int (s, 2, site->id);
      bind_text (s, 3, date_at (d, received));
      bind_text (s, 4, grievance_channels[rng_weighted (&d->rng, channel_weights, G_N_ELEMENTS (channel_weights), 100)]);
      bind_int (s, 5, rng_chance (&d->rng, 0.7));
      bind_int (s, 6, rng_chance (&d->rng, 0.6) ? 1 : rng_range (&d->rng, 2, 40));
      bind_text (s, 7, d->themes[t].title);
      bind_int (s, 8, rng_chance (&d->rng, 0.1));
      bind_text (s, 9, status);
      bind_text (s, 10, strcmp (status, "received") == 0 ? NULL : date_at (d, ack));
      bind_text (s, 11, strcmp (status, "resolved") == 0 || strcmp (status, "closed") == 0
                        ? date_at (d, resolved) : NULL);
      bind_id (s, 12, done > 0 && rng_chance (&d->rng, 0.4) ? first_finding + rng_below (&d->rng, done) : 0);
      bind_text (s, 13, d->stamp);
      RUN (ST_GRIEVANCE);
    }
  return TRUE;
}

static void
distribute_findings (Demo *d)
{
  static const double location_factor[] = { 2.0, 1.0, 0.8, 0.4, 0.1 };
  double *weights = g_new (double, d->n_sites);
  double total = 0;
  guint64 assigned = 0;
  guint n_monitored = 0;

  for (guint i = 0; i < d->n_sites; i++)
    {
      SiteInfo *site = &d->sites[i];

      site->monitored = rng_chance (&d->rng, 0.8);
      weights[i] = site->monitored
                   ? exp (1.1 * rng_normal (&d->rng)) * location_factor[site->location] : 0;
      total += weights[i];
      n_monitored += site->monitored;
    }
  if (n_monitored == 0)
    {
      d->sites[0].monitored = TRUE;
      weights[0] = 1;
      total = 1;
    }
  for (guint i = 0; i < d->n_sites; i++)
    {
      d->sites[i].n_findings = (guint) floor (d->options->n_findings * weights[i] / total);
      assigned += d->sites[i].n_findings;
    }
  /* Hand out the rounding remainder to monitored sites, starting anywhere. */
  for (guint i = rng_below (&d->rng, d->n_sites); assigned < d->options->n_findings;
       i = (i + 1) % d->n_sites)
    if (d->sites[i].monitored)
      {
        d->sites[i].n_findings++;
        assigned++;
      }
  g_free (weights);
}

static gboolean
generate_monitoring (Demo    *d,
                     GError **error)
{
  guint64 findings_done = 0;
  guint64 n_findings = MAX (1, d->options->n_findings);

  distribute_findings (d);
  for (guint i = 0; i < d->n_sites; i++)
    {
      if (!generate_site_monitoring (d, &d->sites[i], error))
        return FALSE;
      findings_done += d->sites[i].n_findings;
      if (!step_progress (d, 0.12 + 0.67 * (0.5 * findings_done / n_findings
                                            + 0.5 * (i + 1) / d->n_sites),
                          _("Findings"), error))
        return FALSE;
    }
  return TRUE;
}

/* ─── Reference lookups ──────────────────────────────────────────────────── */

static gboolean
load_reference (Demo    *d,
                GError **error)
{
  static const struct { const char *key; guint weight; } theme_weights[] = {
    { "forced_labour", 5 }, { "recruitment_fees", 4 }, { "document_retention", 2 },
    { "freedom_of_movement", 2 }, { "child_labour", 1 }, { "young_workers", 2 },
    { "students_interns", 3 }, { "working_hours", 16 }, { "wages", 12 }, { "living_wage", 4 },
    { "regular_employment", 6 }, { "health_safety", 14 }, { "chemicals", 6 },
    { "violence_harassment", 4 }, { "gender_based_violence", 2 }, { "non_discrimination", 3 },
    { "pregnancy", 2 }, { "freedom_of_association", 4 }, { "collective_bargaining", 2 },
    { "grievance", 4 }, { "non_retaliation", 2 }, { "legal_compliance", 4 },
  };
  sqlite3_stmt *stmt;
  int rc;

  d->themes = g_new0 (Theme, G_N_ELEMENTS (theme_weights));
  d->n_themes = G_N_ELEMENTS (theme_weights);
  for (guint t = 0; t < d->n_themes; t++)
    {
      d->themes[t].key = theme_weights[t].key;
      d->themes[t].title = theme_weights[t].key;
      d->theme_weights[t] = theme_weights[t].weight;
      d->theme_total += theme_weights[t].weight;
      for (guint k = 0; k < G_N_ELEMENTS (finding_templates); k++)
        if (strcmp (finding_templates[k].theme, theme_weights[t].key) == 0)
          {
            if (d->template_count[t] == 0)
              d->template_first[t] = k;
            d->template_count[t]++;
          }
      for (guint k = 0; k < G_N_ELEMENTS (theme_conventions); k++)
        if (strcmp (theme_conventions[k][0], theme_weights[t].key) == 0)
          d->theme_convention[t] = theme_conventions[k][1];
    }

  /* The organisation's themes, once, into the array. */
  if (sqlite3_prepare_v2 (d->db, "SELECT s.id, s.key, s.title FROM standards s "
                          "JOIN code_standards c ON c.id = s.code_id "
                          "WHERE c.code = 'vigie' ORDER BY c.version, s.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 1);

      for (guint t = 0; t < d->n_themes; t++)
        if (strcmp (d->themes[t].key, key) == 0)
          {
            d->themes[t].id = sqlite3_column_int64 (stmt, 0);
            d->themes[t].title = vigie_reference_text (
              g_string_chunk_insert_const (d->strings, (const char *) sqlite3_column_text (stmt, 2)));
            d->themes[t].n_rba = 0;
          }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  /* Their RBA clauses. */
  if (sqlite3_prepare_v2 (d->db, "SELECT m.standard_id, m.mapped_id FROM standard_mappings m "
                          "JOIN standards s ON s.id = m.mapped_id "
                          "JOIN code_standards c ON c.id = s.code_id "
                          "WHERE c.code = 'rba' ORDER BY m.standard_id, m.mapped_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 from = sqlite3_column_int64 (stmt, 0);

      for (guint t = 0; t < d->n_themes; t++)
        if (d->themes[t].id == from && d->themes[t].n_rba < G_N_ELEMENTS (d->themes[t].rba))
          d->themes[t].rba[d->themes[t].n_rba++] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  if (sqlite3_prepare_v2 (d->db, "SELECT id FROM fl_indicators ORDER BY sort_order, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && d->n_indicators < G_N_ELEMENTS (d->indicators))
    d->indicators[d->n_indicators++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  /* Conventions that the reference data does not hold are left out. */
  for (guint t = 0; t < d->n_themes; t++)
    if (d->theme_convention[t] != NULL)
      {
        gboolean found = FALSE;

        if (sqlite3_prepare_v2 (d->db, "SELECT 1 FROM ilo_conventions WHERE code = ?",
                                -1, &stmt, NULL) != SQLITE_OK)
          goto failed;
        sqlite3_bind_text (stmt, 1, d->theme_convention[t], -1, SQLITE_STATIC);
        found = sqlite3_step (stmt) == SQLITE_ROW;
        sqlite3_finalize (stmt);
        if (!found)
          d->theme_convention[t] = NULL;
      }
  return TRUE;

failed:
  vigie_store_set_error (d->store, sqlite3_errcode (d->db), error);
  return FALSE;
}

/* ─── Entry point ────────────────────────────────────────────────────────── */

/* Secondary indexes whose keys arrive in random order (titles, dates) are dropped for the
 * bulk write and created again at the end from their own CREATE INDEX statements: sorting
 * the keys once costs less than inserting each into a random page. Indexes whose keys grow
 * with the rows (site, finding, action ids) or take a handful of values (status, severity,
 * theme) only ever append to a few pages and stay. */
static const char *const bulk_indexes[] = {
  "findings_title", "findings_first_observed", "actions_status_due", "actions_due",
  "actions_completed", "activities_start", "investigations_start",
};

static gboolean
drop_indexes (Demo    *d,
              GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                         "AND sql IS NOT NULL AND name IN (");
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (bulk_indexes); i++)
    g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", bulk_indexes[i]);
  g_string_append (sql, ") ORDER BY name");
  if (sqlite3_prepare_v2 (d->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      vigie_store_set_error (d->store, sqlite3_errcode (d->db), error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (d->index_names, vigie_column_dup (stmt, 0));
      g_ptr_array_add (d->index_sql, vigie_column_dup (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (d->store, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < d->index_names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                               (const char *) d->index_names->pdata[i]);

      if (!vigie_store_exec (d->store, drop, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
pragma_int (sqlite3    *db,
            const char *sql,
            gint64      fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
pragma_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
create_indexes (Demo    *d,
                GError **error)
{
  gint64 threads = pragma_int (d->db, "PRAGMA threads", 0);
  g_autofree char *restore = g_strdup_printf ("PRAGMA threads = %" G_GINT64_FORMAT, threads);
  g_autofree char *more = g_strdup_printf ("PRAGMA threads = %u",
                                           CLAMP (g_get_num_processors (), 1, 4));
  gboolean ok = TRUE;

  /* The sorter of CREATE INDEX may use helper threads. */
  vigie_store_exec (d->store, more, NULL);
  for (guint i = 0; ok && i < d->index_sql->len; i++)
    ok = vigie_store_exec (d->store, d->index_sql->pdata[i], error)
         && step_progress (d, 0.80 + 0.05 * (i + 1) / d->index_sql->len, _("Indexes"), error);
  vigie_store_exec (d->store, restore, NULL);
  return ok;
}

/* The full-text indexes, rebuilt here rather than by vigie_store_bulk_end(): with a 64 MiB
 * term buffer instead of FTS5's 1 MiB for the two big tables (fewer, larger segments to
 * write and merge: a third less time for a million findings; the default is set back for
 * the incremental updates that follow). */
static const struct
{
  const char *name;
  gboolean    big;
} search_indexes[] = {
  { "sites_fts", FALSE }, { "findings_fts", TRUE }, { "evidence_fts", TRUE },
  { "chemical_products_fts", FALSE },
};

static gboolean
rebuild_search_index (Demo    *d,
                      GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    {
      const char *fts = search_indexes[i].name;
      g_autofree char *big = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('hashsize', %d)",
                                              fts, fts, 64 << 20);
      g_autofree char *rebuild = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')",
                                                  fts, fts);
      g_autofree char *normal = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('hashsize', "
                                                 "%d)", fts, fts, 1 << 20);
      if ((search_indexes[i].big && !vigie_store_exec (d->store, big, error))
          || !vigie_store_exec (d->store, rebuild, error)
          || (search_indexes[i].big && !vigie_store_exec (d->store, normal, error))
          || !step_progress (d, 0.86 + 0.04 * (i + 1) / G_N_ELEMENTS (search_indexes),
                             _("Search index"), error))
        return FALSE;
    }
  return TRUE;
}

/* The end of the bulk write: the summaries written, the triggers back. */
static gboolean
end_bulk_write (Demo    *d,
                GError **error)
{
  const char *filled[N_TALLIES + G_N_ELEMENTS (search_indexes) + 1];
  guint n = 0;

  for (guint i = 0; i < N_TALLIES; i++)
    filled[n++] = tally_tables[i].table;
  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    filled[n++] = search_indexes[i].name;
  filled[n] = NULL;
  return write_summaries (d, error) && vigie_store_bulk_end_filled (d->store, filled, error);
}

static gboolean
foreign_keys_enabled (sqlite3 *db)
{
  return pragma_int (db, "PRAGMA foreign_keys", 0) != 0;
}

/* Connection settings for the bulk write, taken before the transaction and given back
 * after it (only outside a caller's transaction, where they can be changed):
 * - foreign keys off: every reference is built by the generator from the ids it wrote
 *   (explicit ids); test-demo runs PRAGMA foreign_key_check on what it generates. Checking
 *   every reference of ten million rows took 3 to 4 s at the end of each generation;
 * - a rollback journal instead of WAL: in WAL mode the whole dataset is first written to the
 *   -wal file (as big as the database), every page evicted from the cache is read back
 *   through the WAL index, and the checkpoint copies it all a second time. A rollback
 *   journal only keeps the few pages that existed before; new pages go straight to the
 *   database file, and the commit is still atomic. Skipped when WAL cannot be left
 *   (another connection is open): then the write is only slower.
 * - on a dataset that holds nothing yet (just created: dataset_is_new; its audit log
 *   only records the creation of its schema), PRAGMA
 *   synchronous = OFF: no fsync of the journal before the cache spills pages into the
 *   file, nor of two gigabytes at the commit. The journal is still written, so a failure or
 *   a cancellation still rolls everything back; only a crash of the whole system (power
 *   loss) while generating could damage the file, which held nothing and is then deleted
 *   and generated again. Switching back to WAL with the dataset's own synchronous setting
 *   writes the header and syncs the file, so the finished demo is as durable as any
 *   other write. */
static gboolean
dataset_is_new (Demo *d)
{
  static const char sql[] =
    "SELECT NOT (EXISTS (SELECT 1 FROM sites) OR EXISTS (SELECT 1 FROM organisations)"
    " OR EXISTS (SELECT 1 FROM findings) OR EXISTS (SELECT 1 FROM investigations)"
    " OR EXISTS (SELECT 1 FROM chemical_products) OR EXISTS (SELECT 1 FROM grievances)"
    " OR EXISTS (SELECT 1 FROM audit_log WHERE table_name <> 'schema'))";

  return pragma_int (d->db, sql, 0) == 1;
}

static gboolean
settings_enter (Demo    *d,
                GError **error)
{
  d->synchronous = -1;
  if (!sqlite3_get_autocommit (d->db))
    return TRUE;
  if (foreign_keys_enabled (d->db))
    {
      if (!vigie_store_set_foreign_keys (d->store, FALSE, error))
        return FALSE;
      d->foreign_keys_off = TRUE;
    }
  d->journal_mode = pragma_text (d->db, "PRAGMA journal_mode");
  if (g_strcmp0 (d->journal_mode, "wal") == 0)
    {
      g_autofree char *mode = pragma_text (d->db, "PRAGMA journal_mode = TRUNCATE");

      d->left_wal = g_strcmp0 (mode, "truncate") == 0;
    }
  /* Only where switching back to WAL will sync the file. */
  if (d->left_wal && dataset_is_new (d))
    {
      d->synchronous = pragma_int (d->db, "PRAGMA synchronous", -1);
      if (d->synchronous >= 0 && !vigie_store_exec (d->store, "PRAGMA synchronous = OFF", NULL))
        d->synchronous = -1;
    }
  d->settings_taken = TRUE;
  return TRUE;
}

static void
settings_leave (Demo *d)
{
  if (!d->settings_taken)
    return;
  if (d->synchronous >= 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA synchronous = %" G_GINT64_FORMAT,
                                                 d->synchronous);

      vigie_store_exec (d->store, pragma, NULL);
    }
  if (d->left_wal)
    {
      g_autofree char *mode = pragma_text (d->db, "PRAGMA journal_mode = WAL");

      if (g_strcmp0 (mode, "wal") != 0)
        g_warning ("Could not switch the dataset back to WAL mode (%s)", mode);
    }
  if (d->foreign_keys_off)
    vigie_store_set_foreign_keys (d->store, TRUE, NULL);
  d->settings_taken = FALSE;
}

static gboolean
site_count_is_zero (VigieStore  *store,
                    GError     **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM sites)", error);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (!empty)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                 _("The dataset already holds sites; demo data can only be generated into an empty dataset."));
  return empty;
}

static gboolean
parse_today (const char *text,
             int        *julian)
{
  GDate date;
  int y, m, dd;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%d-%d-%d", &y, &m, &dd) != 3
      || !g_date_valid_dmy (dd, m, y))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, dd, m, y);
  *julian = (int) g_date_get_julian (&date);
  return TRUE;
}

static void
demo_clear (Demo *d)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    batch_clear (&d->batch[i]);
  for (guint i = 0; i < N_TALLIES; i++)
    tally_clear (&d->tally[i]);
  g_clear_pointer (&d->index_names, g_ptr_array_unref);
  g_clear_pointer (&d->index_sql, g_ptr_array_unref);
  g_clear_pointer (&d->journal_mode, g_free);
  g_clear_pointer (&d->dates, g_free);
  g_clear_pointer (&d->months, g_free);
  if (d->strings != NULL)
    g_string_chunk_free (d->strings);
  g_free (d->sites);
  g_clear_pointer (&d->affiliate_ids, g_array_unref);
  g_clear_pointer (&d->brand_ids, g_array_unref);
  g_clear_pointer (&d->contractor_ids, g_array_unref);
  g_clear_pointer (&d->agency_ids, g_array_unref);
  g_clear_pointer (&d->union_ids, g_array_unref);
  g_clear_pointer (&d->contracts, g_array_unref);
  g_free (d->themes);
  g_free (d->tr_titles);
  g_free (d->tr_descriptions);
  g_free (d->tr_responses);
  g_free (d->tr_notes);
  g_free (d->tr_actions);
  g_free (d->tr_root_causes);
  g_free (d->tr_preventive);
  g_free (d->tr_history);
  g_free (d->tr_evidence);
  g_free (d->tr_site_notes);
  g_free (d->tr_departments);
  g_free (d->tr_ppe);
  g_free (d->tr_controls);
  for (guint i = 0; i < 4; i++)
    {
      GString *s = i == 0 ? d->s1 : i == 1 ? d->s2 : i == 2 ? d->s3 : d->s4;

      if (s != NULL)
        g_string_free (s, TRUE);
    }
}

static gboolean
demo_run (Demo    *d,
          GError **error)
{
  g_autofree char *json = NULL;

  if (!step_progress (d, 0.0, _("Organisations"), error)
      || !load_reference (d, error)
      || !generate_organisations (d, error)
      || !step_progress (d, 0.01, _("Sites"), error)
      || !generate_sites (d, error)
      || !step_progress (d, 0.08, _("Contracts"), error)
      || !generate_contracts (d, error)
      || !step_progress (d, 0.10, _("Chemical inventories"), error)
      || !generate_chemicals (d, error)
      || !step_progress (d, 0.12, _("Findings"), error)
      || !generate_monitoring (d, error)
      || !batch_flush_all (d, error)
      || !step_progress (d, 0.80, _("Indexes"), error)
      || !create_indexes (d, error)
      || !step_progress (d, 0.86, _("Search index"), error)
      || !rebuild_search_index (d, error)
      || !step_progress (d, 0.96, _("Saving"), error)
      || !end_bulk_write (d, error))
    return FALSE;

  json = g_strdup_printf ("{\"sites\": %u, \"findings\": %u, \"seed\": %" G_GUINT64_FORMAT
                          ", \"today\": \"%s\", \"actions\": %" G_GUINT64_FORMAT "}",
                          d->n_sites, d->options->n_findings, d->options->seed,
                          date_at (d, d->today), d->n_actions);
  if (!vigie_store_audit (d->store, "demo", 0, "import", NULL, json, error))
    return FALSE;
  return step_progress (d, 0.99, _("Saving"), error);
}

gboolean
vigie_demo_generate (VigieStore              *store,
                     const VigieDemoOptions  *options,
                     VigieProgressFunc        progress,
                     gpointer                 user_data,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  VigieDemoOptions defaults = { 200, 2000, 1, NULL };
  g_autofree char *today_iso = NULL;
  Demo d = { 0 };
  gboolean ok;
  gint64 cache_size = -32000;
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  today_iso = options->today != NULL ? g_strdup (options->today) : vigie_today_iso ();
  if (!parse_today (today_iso, &d.today))
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                   _("“%s” is not a date written YYYY-MM-DD."), today_iso);
      return FALSE;
    }
  if (options->n_sites == 0 && options->n_findings > 0)
    {
      g_set_error_literal (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_FAILED,
                           _("Findings need at least one site."));
      return FALSE;
    }

  d.store = store;
  d.db = vigie_store_get_db (store);
  d.options = options;
  d.n_sites = options->n_sites;
  d.progress = progress;
  d.user_data = user_data;
  d.cancellable = cancellable;
  d.last_percent = -1;
  rng_seed (&d.rng, options->seed);
  g_snprintf (d.stamp, sizeof d.stamp, "%sT09:00:00Z", today_iso);
  /* GDate's Julian day 719163 is 1970-01-01. */
  d.uuid_ms = ((guint64) (d.today - 719163) * 86400 + 9 * 3600) * 1000;
  /* The counter's leftmost bit stays clear, leaving room for 2^41 UUIDs. */
  d.uuid_counter = rng_next (&d.rng) >> 23;

  /* Date strings for every day the generator may use. */
  d.dates = g_malloc ((DATE_PAST + DATE_FUTURE + 1) * sizeof *d.dates);
  for (int i = 0; i <= DATE_PAST + DATE_FUTURE; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) (d.today - DATE_PAST + i));
      g_snprintf (d.dates[i], sizeof d.dates[i], "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
    }
  d.first_year = date_year (d.dates[0]);
  {
    guint n_months = (guint) (date_year (d.dates[DATE_PAST + DATE_FUTURE]) - d.first_year + 1) * 12;

    d.months = g_malloc (n_months * sizeof *d.months);
    for (guint m = 0; m < n_months; m++)
      g_snprintf (d.months[m], sizeof d.months[m], "%04d-%02u", d.first_year + (int) (m / 12),
                  m % 12 + 1);
  }
  for (guint i = 0; i < N_TALLIES; i++)
    tally_init (&d.tally[i], tally_tables[i].width);
  d.strings = g_string_chunk_new (64 * 1024);
  d.sites = g_new0 (SiteInfo, MAX (1, d.n_sites));
  d.affiliate_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.brand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.contractor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.union_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.contracts = g_array_new (FALSE, FALSE, sizeof (ContractInfo));
  d.index_names = g_ptr_array_new_with_free_func (g_free);
  d.index_sql = g_ptr_array_new_with_free_func (g_free);
  d.s1 = g_string_sized_new (256);
  d.s2 = g_string_sized_new (256);
  d.s3 = g_string_sized_new (256);
  d.s4 = g_string_sized_new (64);
  {
    const char *titles[G_N_ELEMENTS (finding_templates)];
    const char *descriptions[G_N_ELEMENTS (finding_templates)];

    for (guint i = 0; i < G_N_ELEMENTS (finding_templates); i++)
      {
        titles[i] = finding_templates[i].title;
        descriptions[i] = finding_templates[i].description;
      }
    d.tr_titles = TRANSLATE (titles);
    d.tr_descriptions = TRANSLATE (descriptions);
  }
  d.tr_responses = TRANSLATE (company_responses);
  d.tr_notes = TRANSLATE (finding_notes);
  d.tr_actions = TRANSLATE (action_descriptions);
  d.tr_root_causes = TRANSLATE (root_causes);
  d.tr_preventive = TRANSLATE (preventive_actions);
  d.tr_history = TRANSLATE (history_notes);
  d.tr_evidence = TRANSLATE (evidence_summaries);
  d.tr_site_notes = TRANSLATE (site_notes);
  d.tr_departments = TRANSLATE (departments);
  d.tr_ppe = TRANSLATE (ppe_texts);
  d.tr_controls = TRANSLATE (controls_texts);
  /* Translators: who changed the status of a remediation action (demo data). */
  d.tr_partner_label = _("Monitoring partner");

  if (!settings_enter (&d, error))
    {
      demo_clear (&d);
      return FALSE;
    }
  if (!vigie_store_begin (store, error))
    {
      settings_leave (&d);
      demo_clear (&d);
      return FALSE;
    }
  if (!site_count_is_zero (store, error))
    {
      vigie_store_rollback (store);
      settings_leave (&d);
      demo_clear (&d);
      return FALSE;
    }

  /* A larger page cache while generating. */
  cache_size = pragma_int (d.db, "PRAGMA cache_size", cache_size);
  vigie_store_exec (store, "PRAGMA cache_size = -262144", NULL);

  /* The CHECK constraints hold by construction (dates come from the date table, codes from
   * the vocabulary tables); evaluating some 40 of them, date () parsing included, for each
   * of ten million rows took half of the generating time. PRAGMA integrity_check (vigie-cli
   * check) still verifies those that call no date function, and test-demo re-inserts every
   * generated row under all of them. */
  vigie_store_exec (store, "PRAGMA ignore_check_constraints = ON", NULL);
  ok = vigie_store_bulk_begin (store, error) && drop_indexes (&d, error);
  if (ok && !d.foreign_keys_off)
    ok = vigie_store_exec (store, "PRAGMA defer_foreign_keys = ON", error);
  if (ok)
    {
      d.substance_stmt = vigie_store_prepare (store, statement_sql[ST_SUBSTANCE], error);
      ok = d.substance_stmt != NULL;
    }
  for (guint i = 0; ok && i < N_STATEMENTS; i++)
    if (i != ST_SUBSTANCE)
      ok = batch_init (&d, i, error);
  ok = ok && demo_run (&d, error);
  if (ok)
    ok = vigie_store_commit (store, error);   /* rolls back by itself when it fails */
  else
    vigie_store_rollback (store);             /* all or nothing, FTS triggers included */
  vigie_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
  settings_leave (&d);

  pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  vigie_store_exec (store, pragma, NULL);
  if (ok && progress != NULL)
    progress (1.0, _("Done"), user_data);
  demo_clear (&d);
  return ok;
}
