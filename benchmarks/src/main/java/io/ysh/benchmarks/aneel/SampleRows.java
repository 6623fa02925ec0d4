package io.ysh.benchmarks.aneel;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Real rows from shared/data/aneel (scrutiniums_tarifas_amostra.csv, 82 rows, UTF-8, fully
 * quoted, CRLF; lannacassio GD head/tail, 10 rows, unquoted) repeated to the sizes of the real
 * files.
 */
final class SampleRows {

  static final String TARIFF_HEADER =
      "\"DatGeracaoConjuntoDados\";\"DscREH\";\"SigAgente\";\"NumCNPJDistribuidora\";\"DatInicioVigencia\";\"DatFimVigencia\";\"DscBaseTarifaria\";\"DscSubGrupo\";\"DscModalidadeTarifaria\";\"DscClasse\";\"DscSubClasse\";\"DscDetalhe\";\"NomPostoTarifario\";\"DscUnidadeTerciaria\";\"SigAgenteAcessante\";\"VlrTUSD\";\"VlrTE\"";

  static final String[] TARIFF_ROWS = {
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 0.951, DE 16 DE MARÇO DE 2010\";\"CERES\";\"31465487000101\";\"2010-03-22\";\"2011-03-21\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\",00\";\",00\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.385, DE 17 DE ABRIL DE 2018\";\"RGE SUL\";\"02016440000162\";\"2018-04-19\";\"2019-04-18\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"250,50\";\"296,82\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.528, DE 9 DE ABRIL DE 2019\";\"RGE SUL\";\"02016440000162\";\"2019-04-19\";\"2019-06-18\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"250,50\";\"296,82\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.557, DE 11 DE JUNHO DE 2019\";\"RGE\";\"02016440000162\";\"2019-06-19\";\"2020-06-18\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"290,26\";\"270,01\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.697, DE 17 DE JUNHO DE 2020\";\"RGE\";\"02016440000162\";\"2020-06-19\";\"2020-06-30\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"290,26\";\"270,01\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.697, DE 17 DE JUNHO DE 2020\";\"RGE\";\"02016440000162\";\"2020-07-01\";\"2021-06-18\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"314,97\";\"274,60\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.001, DE 13 DE DEZEMBRO DE 2021\";\"CEA\";\"05965546000109\";\"2021-11-30\";\"2021-12-16\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"413,81\";\"189,38\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.979, DE 23 DE NOVEMBRO DE 2021\";\"CEA\";\"05965546000109\";\"2021-11-30\";\"2021-12-16\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"432,18\";\"108,61\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 2.979, DE 23 DE NOVEMBRO DE 2021\";\"CEA\";\"05965546000109\";\"2021-11-30\";\"2021-12-16\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"474,16\";\"205,15\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.001, DE 13 DE DEZEMBRO DE 2021\";\"CEA\";\"05965546000109\";\"2021-11-30\";\"2021-12-16\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"362,45\";\"142,80\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Baixa Renda\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"387,92\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Baixa Renda\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"400,28\";\"293,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"400,28\";\"293,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"387,92\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"400,28\";\"293,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"387,92\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Serviço público de irrigação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Serviço público de irrigação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Base Econômica\";\"B3\";\"Convencional\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2025-05-28\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B3\";\"Convencional\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.503, DE 22 DE JULHO DE 2025\";\"CERNHE\";\"53176038000186\";\"2025-07-30\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"586,76\";\"179,41\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2026-09-29\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"567,80\";\"227,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"723,72\";\"227,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2025-12-31\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"892,51\";\"224,99\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2026-09-29\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"697,17\";\"224,99\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2025-12-31\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"759,34\";\"201,86\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2026-09-29\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"564,00\";\"201,86\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2025-12-31\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"595,66\";\"204,06\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2025-09-30\";\"2026-09-29\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"439,74\";\"204,06\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Baixa Renda\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"400,28\";\"293,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Baixa Renda\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"387,92\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"415,11\";\"293,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"401,52\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"387,92\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"400,28\";\"278,87\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"400,28\";\"278,87\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"387,92\";\"294,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Serviço público de irrigação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Serviço público de irrigação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Tarifa de Aplicação\";\"B3\";\"Convencional\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"541,30\";\"317,28\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.459, DE 20 DE MAIO DE 2025\";\"CEMIG-D\";\"06981180000116\";\"2026-01-01\";\"2026-05-27\";\"Base Econômica\";\"B3\";\"Convencional\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"521,43\";\"318,75\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2026-01-01\";\"2026-09-29\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"697,17\";\"224,99\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2026-01-01\";\"2026-09-29\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"567,80\";\"227,70\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2026-01-01\";\"2026-09-29\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"439,74\";\"189,91\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.537, DE 23 DE SETEMBRO DE 2025\";\"Ceraçá\";\"09364804000144\";\"2026-01-01\";\"2026-09-29\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"564,00\";\"201,86\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.503, DE 22 DE JULHO DE 2025\";\"CERNHE\";\"53176038000186\";\"2026-01-01\";\"2026-07-29\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"586,76\";\"179,41\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"A2\";\"Azul\";\"Não se aplica\";\"Não se aplica\";\"APE\";\"Fora ponta\";\"kW\";\"Não se aplica\";\"10,97\";\",00\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Baixa Renda\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"402,42\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Baixa Renda\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"418,31\";\"308,76\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"553,12\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"310,21\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial\";\"SCEE\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"30,44\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"427,67\";\"308,76\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"411,90\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"553,12\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Desconto Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"310,21\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"402,42\";\"281,65\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 01\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"418,31\";\"297,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"418,31\";\"297,02\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B1\";\"Convencional\";\"Residencial\";\"Residencial Tarifa Social – faixa 02\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"402,42\";\"281,65\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"553,12\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Cooperativa de eletrificação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"310,21\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"310,21\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"553,12\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B2\";\"Convencional\";\"Rural\";\"Serviço público de irrigação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"553,12\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B2\";\"Convencional\";\"Rural\";\"Serviço público de irrigação rural\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"310,21\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Base Econômica\";\"B3\";\"Convencional\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"553,12\";\"292,88\"",
    "\"2026-09-30\";\"RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589, DE 26 DE MAIO DE 2026\";\"CEMIG-D\";\"06981180000116\";\"2026-05-28\";\"2027-05-27\";\"Tarifa de Aplicação\";\"B3\";\"Convencional\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"Não se aplica\";\"MWh\";\"Não se aplica\";\"593,08\";\"310,21\"",
  };

  static final String GD_HEADER =
      "DatGeracaoConjuntoDados;AnmPeriodoReferencia;NumCNPJDistribuidora;SigAgente;NomAgente;CodClasseConsumo;DscClasseConsumo;CodSubGrupoTarifario;DscSubGrupoTarifario;CodUFibge;SigUF;CodRegiao;NomRegiao;CodMunicipioIbge;NomMunicipio;CodCEP;SigTipoConsumidor;NumCPFCNPJ;NomTitularEmpreendimento;CodEmpreendimento;DthAtualizaCadastralEmpreend;SigModalidadeEmpreendimento;DscModalidadeHabilitado;QtdUCRecebeCredito;SigTipoGeracao;DscFonteGeracao;DscPorte;NumCoordNEmpreendimento;NumCoordEEmpreendimento;MdaPotenciaInstaladaKW;NomSubEstacao;NumCoordESub;NumCoordNSub";

  static final String[] GD_ROWS = {
          "2026-01-16;01/2026;04065033000170;EAC;ENERGISA ACRE - DISTRIBUIDORA DE ENERGIA S.A;CO;Comercial;;B3;12;AC;2;Norte;1200401;Rio Branco;69912452;PJ;12005360000165;ELITE ENGENHARIA LTDA;GD.AC.000.000.590;2016-08-31;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-10,00;-67,84;32,50;;;",
          "2026-01-16;01/2026;04065033000170;EAC;ENERGISA ACRE - DISTRIBUIDORA DE ENERGIA S.A;CO;Comercial;;B3;12;AC;2;Norte;1200401;Rio Branco;69900273;PJ;05458883000100;ADVOCACIA PALÁCIO DANTAS;GD.AC.000.001.540;2016-10-31;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-7,60;-72,67;2,00;;;",
          "2026-01-16;01/2026;04065033000170;EAC;ENERGISA ACRE - DISTRIBUIDORA DE ENERGIA S.A;RE;Residencial;;B1;12;AC;2;Norte;1200401;Rio Branco;69919***;PF;***.754.418-**;***;GD.AC.000.001.552;2016-08-25;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-9,95;-67,86;2,00;;;",
          "2026-01-16;01/2026;04065033000170;EAC;ENERGISA ACRE - DISTRIBUIDORA DE ENERGIA S.A;RE;Residencial;;B1;12;AC;2;Norte;1200401;Rio Branco;69917***;PF;***.204.362-**;***;GD.AC.000.009.608;2017-03-09;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-9,96;-67,87;5,00;;;",
          "2026-01-16;01/2026;04065033000170;EAC;ENERGISA ACRE - DISTRIBUIDORA DE ENERGIA S.A;RE;Residencial;;B1;12;AC;2;Norte;1200401;Rio Branco;69919***;PF;***.099.182-**;***;GD.AC.000.017.465;2017-07-29;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-9,96;-67,86;5,00;;;",
          "2026-01-16;01/2026;25086034000171;ETO;ENERGISA TOCANTINS DISTRIBUIDORA DE ENERGIA S.A.;RE;Residencial;;B1;17;TO;2;Norte;1721000;Palmas;77019***;PF;***.105.511-**;***;GD.TO.003.669.003;2025-12-30;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-10,27;-48,32;5,00;;;",
          "2026-01-16;01/2026;25086034000171;ETO;ENERGISA TOCANTINS DISTRIBUIDORA DE ENERGIA S.A.;RE;Residencial;;B1;17;TO;2;Norte;1709500;Gurupi;77435***;PF;***.463.731-**;***;GD.TO.003.669.004;2025-12-31;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-11,72;-49,07;10,00;;;",
          "2026-01-16;01/2026;25086034000171;ETO;ENERGISA TOCANTINS DISTRIBUIDORA DE ENERGIA S.A.;RE;Residencial;;B1;17;TO;2;Norte;1715705;Palmeirante;77798***;PF;***.866.791-**;***;GD.TO.003.669.005;2025-12-08;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-7,86;-47,93;6,00;;;",
          "2026-01-16;01/2026;25086034000171;ETO;ENERGISA TOCANTINS DISTRIBUIDORA DE ENERGIA S.A.;RE;Residencial;;B1;17;TO;2;Norte;1716703;Colméia;77725***;PF;***.171.471-**;***;GD.TO.003.669.006;2025-12-11;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-8,73;-48,75;4,27;;;",
          "2026-01-16;01/2026;25086034000171;ETO;ENERGISA TOCANTINS DISTRIBUIDORA DE ENERGIA S.A.;RE;Residencial;;B1;17;TO;2;Norte;1700707;Alvorada;77480***;PF;***.397.731-**;***;GD.TO.003.669.007;2025-12-05;;Geracao na propria UC;1;UFV;Radiação solar;Microgeracao;-12,49;-49,13;6,00;;;",
  };

  private SampleRows() {}

  /** A tariff CSV of {@code rows} data rows, cycling the 82 real rows (UTF-8, quoted, CRLF). */
  static byte[] tariffCsv(int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 300);
    byte[] nl = "\r\n".getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(TARIFF_HEADER.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(nl);
    byte[][] enc = new byte[TARIFF_ROWS.length][];
    for (int i = 0; i < enc.length; i++) {
      enc[i] = TARIFF_ROWS[i].getBytes(StandardCharsets.UTF_8);
    }
    for (int i = 0; i < rows; i++) {
      out.writeBytes(enc[i % enc.length]);
      out.writeBytes(nl);
    }
    return out.toByteArray();
  }

  /**
   * A GD-format file generated on the fly (never held in memory): the header, then the 10 real
   * rows repeated, in Latin-1 (windows-1252) with LF like ANEEL's file, until at least
   * {@code bytes} bytes.
   */
  static InputStream gdStream(long bytes) {
    Charset latin1 = Charset.forName("windows-1252");
    StringBuilder block = new StringBuilder();
    for (String r : GD_ROWS) {
      block.append(r).append('\n');
    }
    byte[] head = (GD_HEADER + "\n").getBytes(latin1);
    byte[] body = block.toString().getBytes(latin1);
    return new InputStream() {
      long produced;
      byte[] current = head;
      int pos;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == current.length) {
          if (produced >= bytes) {
            return -1;
          }
          current = body;
          pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        produced += n;
        return n;
      }
    };
  }

  /** Rows in one generated GD block. */
  static int gdRowsPerBlock() {
    return GD_ROWS.length;
  }
}
