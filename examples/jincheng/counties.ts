// The six county-level divisions of 晋城市 (行政区划代码, GB/T 2260), as the 2023 joint plan names them.
export const JINCHENG_COUNTIES: Readonly<Record<string, string>> = {
  "140502": "城区",
  "140521": "沁水县",
  "140522": "阳城县",
  "140524": "陵川县",
  "140525": "泽州县",
  "140581": "高平市",
};
