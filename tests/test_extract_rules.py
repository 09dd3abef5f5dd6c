"""Behaviour of single extraction rules on short, made-up abstracts (one rule per test).

The rules are specified here without the learned filter, which weighs a rule's output against what
annotators marked in real abstracts (tests/test_extract_filter.py)."""

from __future__ import annotations

import pytest

from kg.extract import extract_papers, load
from kg.extract.rules import bracketed_proposal, proposes
from kg.model import Paper, entity_key


@pytest.fixture(scope="module")
def nlp():
    return load(kg_entities={"keep_thresholds": {}})


def found(nlp, title: str, abstract: str) -> dict[str, tuple[str, bool]]:
    """entity key -> (type, proposed) for one paper."""
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    return {entity_key(e.name): (e.type.value, e.proposed) for e in paper.entities}


def test_curated_method_list_overrides_papers_with_code_task_and_dataset_lists(nlp) -> None:
    got = found(nlp, "A study", "We pre-train with self-supervised learning and compare with CLIP and an MLP.")
    assert got[entity_key("self-supervised learning")][0] == "method"
    assert got[entity_key("CLIP")][0] == "method"
    assert got[entity_key("MLP")][0] == "method"


def test_software_libraries_and_products_are_not_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Our code is based on PyTorch / SnnLib and runs on an AWS Lambda cluster. "
        "Unlike frameworks like TensorFlow or MegaFlow, FooNet is deployed in the ByteCloud Recommend product.",
    )
    for name in ("PyTorch", "SnnLib", "AWS", "TensorFlow", "MegaFlow", "ByteCloud"):
        assert entity_key(name) not in got, name
    assert got[entity_key("FooNet")][0] == "method"


def test_named_phenomenon_given_an_acronym_is_a_task_not_a_method(nlp) -> None:
    got = found(
        nlp,
        "On numerical stability",
        "Floating point errors in the Softmax function, which we refer to as Softmax Collapse (SC), prevent learning. "
        "We mitigate exposure bias in diffusion models.",
    )
    assert got[entity_key("Softmax Collapse")] == ("task", False)


def test_verbs_and_evaluative_adjectives_do_not_start_a_phrase(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "They adopt inappropriate reconstruction targets. Caching is used to minimize errors and "
        "ensures high-quality end-to-end generation.",
    )
    assert not [k for k in got if k.startswith(("adopt", "minimize", "ensure", "inappropriate"))]


def test_title_leading_noun_phrase_is_a_proposed_method(nlp) -> None:
    got = found(nlp, "Sequential Gradient Coding For Straggler Mitigation", "We propose two schemes for straggler mitigation.")
    assert got[entity_key("Sequential Gradient Coding")] == ("method", True)


def test_whole_title_naming_a_method_is_proposed(nlp) -> None:
    got = found(nlp, "Flow Equivariant Recurrent Neural Networks", "We extend equivariance to flows.")
    assert got[entity_key("Flow Equivariant Recurrent Neural Networks")] == ("method", True)


def test_title_means_and_components_after_the_colon_are_proposed(nlp) -> None:
    got = found(
        nlp,
        "FooGNN for Timing Prediction with Order Preserving Partition: Global Circuit Pre-training, "
        "Local Delay Learning and Attentional Cell Modeling",
        "We predict timing.",
    )
    for name in ("Order Preserving Partition", "Global Circuit Pre-training", "Local Delay Learning", "Attentional Cell Modeling"):
        assert got[entity_key(name)] == ("method", True), name


def test_title_phrases_that_are_sentences_or_known_methods_are_not_proposed(nlp) -> None:
    assert found(nlp, "Diffusion Models Beat GANs on Image Synthesis", "We study it.").get(entity_key("Diffusion Models Beat GANs")) is None
    assert found(nlp, "Rethinking Video Tokenization: A Conditioned Approach", "We study it.").get(entity_key("Rethinking Video Tokenization")) is None
    got = found(nlp, "Deep Residual Learning with Convolutional Neural Networks for Image Recognition", "We study it.")
    assert got[entity_key("Convolutional Neural Networks")] == ("method", False)


def test_enumerated_components_after_a_cue_are_proposed(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "The method is called FooReg which stands for (i) a Multiview centroid loss, which pulls views together, "
        "(ii) a Singular value loss, which spreads them. We also test on (1) image classification and (2) object detection.",
    )
    assert got[entity_key("Multiview centroid loss")] == ("method", True)
    assert got[entity_key("Singular value loss")] == ("method", True)
    assert got.get(entity_key("image classification"), ("task",))[0] == "task"


def test_passive_and_described_proposals(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Based on our innovative Temporal Information Block (TIB), Finite Set Calibration (FSC) and Cache Alignment (CA) "
        "are developed. We introduce two contributions: StableMax, a new activation function, and perpGrad, a training "
        "algorithm that prevents collapse. FooComposer proposes delayed subject conditioning during training. "
        "We introduce a prior noise injection method. We introduce a recursive graph partition scheme.",
    )
    for name in ("Temporal Information Block", "Finite Set Calibration", "perpGrad", "delayed subject conditioning",
                 "prior noise injection", "recursive graph partition"):
        assert got[entity_key(name)] == ("method", True), name


def test_used_method_described_by_apposition_is_not_proposed(nlp) -> None:
    got = found(nlp, "A study", "We fine-tune BERT, a pre-trained language model, on reviews.")
    assert got[entity_key("BERT")] == ("method", False)


def test_title_prefix_defined_as_an_acronym_is_proposed(nlp) -> None:
    got = found(nlp, "IRWE: Inductive Random Walk for Network Embedding", "We propose inductive random walk embedding (IRWE) for graphs.")
    assert got[entity_key("inductive random walk embedding")] == ("method", True)


def test_title_name_forms_bare_prefix_single_word_means_and_article(nlp) -> None:
    assert found(nlp, "FooGAN:", "We learn codes.")[entity_key("FooGAN")] == ("method", True)
    assert found(nlp, "Modelling Pairs with Coupled-LSTMs", "We model pairs.")[entity_key("Coupled-LSTMs")] == ("method", True)
    got = found(nlp, "Super-Resolution Using an Efficient Sub-Pixel Convolutional Neural Network", "We upscale images.")
    assert got[entity_key("Efficient Sub-Pixel Convolutional Neural Network")] == ("method", True)


def test_weak_metric_heads_need_reported_results(nlp) -> None:
    got = found(nlp, "A study", "The attenuation rate of the filter shapes embeddings. Our model lowers the word error rate by 12%.")
    assert entity_key("attenuation rate") not in got
    assert got[entity_key("word error rate")][0] == "metric"


def test_compound_accuracy_beats_bare_accuracy_and_learning_rates_are_not_metrics(nlp) -> None:
    got = found(nlp, "A study", "We adjust subnet learning rates and improve explanation accuracy by 8%.")
    assert got[entity_key("explanation accuracy")][0] == "metric"
    assert entity_key("accuracy") not in got and not [k for k in got if "learningrate" in k]


def test_named_resource_quantities_are_metrics(nlp) -> None:
    got = found(nlp, "A study", "It accelerates quantization time by 2.0 times and cuts training cost by 2.5x.")
    assert got[entity_key("quantization time")][0] == "metric"
    assert got[entity_key("training cost")][0] == "metric"


def test_terms_of_cue_keeps_only_metric_heads_and_names(nlp) -> None:
    got = found(nlp, "A study", "They are better in terms of generalization ability, FID and recall.")
    assert entity_key("generalization ability") not in got
    assert got[entity_key("FID")][0] == "metric"


def test_long_form_inside_a_task_name_is_not_a_metric(nlp) -> None:
    got = found(nlp, "A study", "Embeddings matter for click-through rate (CTR) prediction in recommender systems.")
    assert got.get(entity_key("click-through rate"), ("task",))[0] != "metric"


def test_combined_and_size_qualified_dataset_names(nlp) -> None:
    got = found(nlp, "A study", "We train on CIFAR10/100 and report FID on ImageNet 256 x 256 and ImageNet 64.")
    assert got[entity_key("CIFAR-10")][0] == "dataset"
    assert got[entity_key("CIFAR-100")][0] == "dataset"
    assert got[entity_key("ImageNet 256x256")][0] == "dataset"
    assert got[entity_key("ImageNet 64x64")][0] == "dataset"


def test_phenomenon_a_paper_studies_is_a_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Grokking, or delayed generalization, is a phenomenon where test accuracy jumps late. We explain the grokking "
        "phenomenon and a phenomenon called Length Collapse.",
    )
    assert got[entity_key("grokking")][0] == "task"
    assert got[entity_key("Length Collapse")] == ("task", False)


def test_detokenised_code_link_is_one_code_entity(nlp) -> None:
    (paper,) = extract_papers(
        [Paper(id="t", title="A study", abstract="Our code is available at https: // github.com / a / wide-nets. [reference]")], nlp
    )
    assert [(e.type.value, e.name) for e in paper.entities if e.type.value == "code"] == [("code", "https://github.com/a/wide-nets")]


def test_title_prefix_sharing_a_dataset_name_is_a_method_unless_the_paper_presents_data(nlp) -> None:
    got = found(nlp, "Cityscapes: Fast Scene Parsing in the Wild", "We parse street scenes in real time.")
    assert got[entity_key("Cityscapes")] == ("method", True)
    got = found(nlp, "Cityscapes: Fast Scene Parsing in the Wild", "We introduce a large-scale dataset of street scenes.")
    assert got[entity_key("Cityscapes")][0] == "dataset"
    assert entity_key("large-scale dataset") not in got


def test_imaging_modalities_and_colour_spaces_are_not_entities(nlp) -> None:
    got = found(nlp, "A study", "In this work, we establish correspondences between an RGB image and MRI scans.")
    assert entity_key("RGB") not in got and entity_key("MRI") not in got


def test_our_kind_of_method_followed_by_a_name_and_modal_proposals(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We show that our fast text classifier QuickTxt is on par with deep classifiers. We will further present "
        "a Generalized Foo-GAN (GF-GAN) and show it works. Our model outperforms BERT.",
    )
    assert got[entity_key("QuickTxt")] == ("method", True)
    assert got[entity_key("Generalized Foo-GAN")] == ("method", True)
    assert got[entity_key("BERT")] == ("method", False)


def test_quoted_name_after_a_proposal_cue_is_proposed(nlp) -> None:
    got = found(
        nlp,
        "A study",
        'We introduce “ sibling loss ” to the hidden layers. We also introduce a new "hyper-sparse" convolution operation.',
    )
    assert got[entity_key("sibling loss")] == ("method", True)
    assert got[entity_key("hyper-sparse convolution")] == ("method", True)


def test_citation_keys_emails_and_glued_glossary_are_not_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Unlike wang2017sample we train on COCO. Glossary: PSNRPSNRpeaksignaltonoiseratio, CNNCNNconvnet. "
        "Contact ab.cd@uni.fr",
    )
    assert got[entity_key("COCO")][0] == "dataset"
    assert all(not any(c.isdigit() for c in k) and "psnr" not in k and "cnncnn" not in k for k in got), got


def test_task_word_that_modifies_a_noun_or_follows_a_verb_is_no_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Extra steps are needed to obtain pixel-accurate segmentation masks. The network learns to predict segmentation "
        "for the whole volume and ensures end-to-end generation quality. We refine the network ’s soft segmentation. "
        "We study lesion segmentation.",
    )
    for name in ("pixel-accurate segmentation", "obtain pixel-accurate segmentation", "predict segmentation",
                 "end-to-end generation", "s soft segmentation"):
        assert entity_key(name) not in got, name
    assert got[entity_key("lesion segmentation")] == ("task", False)


def test_task_phrase_narrowing_a_known_task_is_the_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Real applications of abstractive summarization are rare. We train on the IJB-B face recognition dataset "
        "and compare with neural machine translation on 1D and 2D image classification benchmarks.",
    )
    assert got[entity_key("abstractive summarization")] == ("task", False)
    assert entity_key("summarization") not in got
    for name in ("IJB-B face recognition", "neural machine translation", "2D image classification"):
        assert got.get(entity_key(name), ("", False))[0] != "task", name


def test_unnamed_architecture_or_algorithm_is_a_description_not_a_method(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We propose a deep architecture and a classifier refinement algorithm. The deep architecture uses the "
        "classifier refinement algorithm. Numerous image segmentation algorithms exist.",
    )
    for name in ("deep architecture", "classifier refinement algorithm", "image segmentation"):
        assert entity_key(name) not in got, name


def test_acronym_of_a_proposed_task_stays_a_task(nlp) -> None:
    got = found(nlp, "A study", "We propose the task of open-ended Visual Question Answering (VQA). VQA is hard.")
    assert got[entity_key("Visual Question Answering")][0] == "task"
    assert sum(1 for t, _ in got.values() if t == "method") == 0


def test_name_listed_beside_a_dataset_is_a_dataset(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We report results on MNIST, QRZX and Pix7, and on the public benchmarks MNIST 2010 and ZEPHYR 2012. "
        "We compare FooNet and BarNet.",
    )
    for name in ("QRZX", "Pix7", "ZEPHYR 2012"):
        assert got[entity_key(name)][0] == "dataset", name
    assert got[entity_key("FooNet")][0] == "method"
    assert got[entity_key("BarNet")][0] == "method"


def test_name_with_a_year_suffix_or_a_challenge_head_is_a_dataset(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "With QuuxEval-2016 we also show gains. Our network won the ZORB cell counting challenge 2019 "
        "and ranks first in the BLIX challenge for tracking.",
    )
    for name in ("QuuxEval-2016", "ZORB cell counting challenge 2019", "BLIX challenge"):
        assert got[entity_key(name)][0] == "dataset", name
    assert entity_key("BLIX") not in got


def test_detokenised_size_suffix_joins_a_known_name(nlp) -> None:
    got = found(nlp, "A study", "On the ImageNet-21 K dataset we pre-train, then fine-tune on CIFAR-100.")
    assert got[entity_key("ImageNet-21K")][0] == "dataset"
    assert entity_key("ImageNet-21") not in got


def test_items_listed_after_a_colon_in_a_proposing_sentence_are_proposed(nlp) -> None:
    got = found(nlp, "A study", "To train deeper nets, we propose two extensions: gated re-weighting and stage-wise freezing. It works.")
    assert got[entity_key("gated re-weighting")] == ("method", True)
    assert got[entity_key("stage-wise freezing")] == ("method", True)


def test_the_papers_own_method_is_not_also_a_dataset(nlp) -> None:
    abstract = (
        "In this work, we present KivNet, which learns fast. Experiments show state-of-the-art results, "
        "which verifies the scalability of KivNet on ImageNet."
    )
    (paper,) = extract_papers([Paper(id="t", title="A study", abstract=abstract)], nlp)
    kinds = [(e.type.value, e.proposed) for e in paper.entities if entity_key(e.name) == entity_key("KivNet")]
    assert kinds == [("method", True)]


def test_elided_name_before_a_second_year_is_the_same_dataset_series(nlp) -> None:
    (paper,) = extract_papers([Paper(id="t", title="A study", abstract="Experiments are carried out on the PASCAL VOC 2007 and 2012 benchmarks.")], nlp)
    datasets = {e.name: e.aliases for e in paper.entities if e.type.value == "dataset"}
    assert datasets == {"PASCAL VOC 2007": (), "PASCAL VOC 2012": ()}


def test_a_value_in_decibels_is_no_name(nlp) -> None:
    got = found(nlp, "A study", "FooNet improves PSNR by 0.42dB over BarNet, and by 1.3dB over bicubic upsampling.")
    assert entity_key("0.42dB") not in got and entity_key("1.3dB") not in got
    assert got[entity_key("FooNet")][0] == "method"


def test_detokenised_article_glued_to_a_name_is_dropped(nlp) -> None:
    got = found(nlp, "A study", "Next, we introduce the-mixed-order replay sampler, which improves the trade-off.")
    assert got[entity_key("mixed-order replay sampler")] == ("method", True)


def test_and_a_novel_method_in_a_proposing_sentence_is_proposed(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We introduce a margin term that widens gaps, and a novel curvature loss that smooths the decoder. "
        "Prior work used a new dataset, and a novel split.",
    )
    assert got[entity_key("curvature loss")] == ("method", True)
    assert entity_key("split") not in got


def test_a_second_link_glued_onto_the_first_is_cut_off(nlp) -> None:
    for abstract in (
        "Our code is publicly available at: https: // github.com / ab-lab / doc_lmhttps: // github.com / ab-lab / doc_lm.",
        "Our code is publicly available at https://github.com/ab-lab/doc_lmhttps://github.com/ab-lab/doc_lm.",
    ):
        (paper,) = extract_papers([Paper(id="t", title="A study", abstract=abstract)], nlp)
        assert [e.name for e in paper.entities if e.type.value == "code"] == ["https://github.com/ab-lab/doc_lm"]


def test_a_score_is_a_metric_only_where_results_are_reported(nlp) -> None:
    got = found(nlp, "A study", "One branch predicts a quality score for each sample. FooNet reaches a higher CLIP score than BarNet.")
    assert entity_key("quality score") not in got
    assert got[entity_key("CLIP score")][0] == "metric"


def test_model_size_and_plural_resource_quantities_are_metrics_where_results_are_reported(nlp) -> None:
    got = found(nlp, "A study", "FooNet needs 26% smaller model size and a fraction of the training costs of BarNet (30% lower).")
    assert got[entity_key("model size")][0] == "metric"
    assert got[entity_key("training cost")][0] == "metric"
    assert entity_key("model size") not in found(nlp, "A study", "We study how model size shapes what a network learns.")


def test_upper_case_iou_and_frames_per_second_are_metrics(nlp) -> None:
    got = found(nlp, "A study", "FooNet reaches 86.2% mean IOU on BarSet and runs at 35 frames per second.")
    assert got[entity_key("mean IOU")][0] == "metric"
    assert got[entity_key("frames per second")][0] == "metric"
    assert entity_key("IOU") not in got or got[entity_key("IOU")][0] == "metric"


def test_title_names_with_digits_and_versions_are_proposed(nlp) -> None:
    got = found(nlp, "FooNet 2.0: Evolution of Scene Parsing", "FooNet 2.0 is faster than the original FooNet.")
    assert got[entity_key("FooNet 2.0")] == ("method", True)
    got = found(nlp, "Nonlinear 3D Shape Morphable Model", "We learn a shape model from face images.")
    assert got[entity_key("Nonlinear 3D Shape Morphable Model")] == ("method", True)


def test_title_lead_after_an_article_and_before_without_is_proposed(nlp) -> None:
    got = found(nlp, "A Glyph-Level Decoder without Explicit Segmentation for Machine Translation", "We study decoders.")
    assert got[entity_key("Glyph-Level Decoder")] == ("method", True)


def test_words_glued_by_pdf_extraction_are_no_names(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "FooNet beats BarNet on QuxSet. NeuralMessagePassingforQuantumChemistry "
        "GraphEmbeddingsforSimpleNodeClassification ThisworkwasdonewhilethefirstauthorwasvisitingLab captionskip=0.2em darkbluergb0.0",
    )
    for junk in ("NeuralMessagePassingforQuantumChemistry", "GraphEmbeddingsforSimpleNodeClassification", "0.2em", "darkbluergb0.0"):
        assert entity_key(junk) not in got, junk
    assert not any(len(k) > 30 for k in got)
    assert got[entity_key("FooNet")][0] == "method"


def test_a_dataset_split_word_is_not_part_of_the_name(nlp) -> None:
    got = found(nlp, "A study", "Our method ranks first on the FooFace Bench validation dataset (easy, medium and hard sets).")
    assert got[entity_key("FooFace Bench")][0] == "dataset"
    assert entity_key("FooFace Bench validation") not in got


def test_names_listed_after_benchmarks_colon_are_datasets(nlp) -> None:
    got = found(nlp, "A study", "We conduct experiments on two challenging few-shot learning benchmarks: tinyFooNet and Foo-CIFAR100.")
    assert got[entity_key("tinyFooNet")][0] == "dataset"
    assert got[entity_key("Foo-CIFAR100")][0] == "dataset"


def test_atari_games_are_a_dataset(nlp) -> None:
    got = found(nlp, "A study", "Our agent achieves state-of-the-art performance in Atari 2600 games.")
    assert got[entity_key("Atari 2600")][0] == "dataset"


def test_glued_looking_names_with_short_parts_are_kept(nlp) -> None:
    got = found(nlp, "A study", "We compare AttMidFlowNetRes with AttFlowNetInc on optical flow.")
    assert got[entity_key("AttMidFlowNetRes")][0] == "method"


def test_a_repeated_model_word_with_one_plain_modifier_is_no_method(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "The video model is trained with a target network. Our video model beats the target network of FooNet. "
        "The Smooth Network refines the Smooth Network features.",
    )
    assert entity_key("video model") not in got and entity_key("target network") not in got
    assert got[entity_key("Smooth Network")][0] == "method"


def test_a_second_proposal_verb_in_a_we_sentence_introduces_a_name(nlp) -> None:
    got = found(nlp, "A study", "We analyse our framework in depth and introduce the cascade glyph fusion unit to speed up parsing.")
    assert got[entity_key("cascade glyph fusion unit")] == ("method", True)
    got = found(nlp, "A study", "We survey prior work and further develop a modular benchmarking framework for ranking.")
    assert entity_key("modular benchmarking") not in got


def test_number_words_and_verbs_do_not_open_a_task_name(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We report state-of-the-art results in eight unsupervised clustering benchmarks and show how alignment choices affect face recognition.",
    )
    assert entity_key("eight unsupervised clustering") not in got
    assert entity_key("affect face recognition") not in got
    assert got[entity_key("face recognition")][0] == "task"


def test_an_acronym_spelled_by_word_initials_takes_all_those_words(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Our approach is based on the successor representation (SR). We introduce the substochastic successor representation (SSR).",
    )
    assert got[entity_key("substochastic successor representation")] == ("method", True)
    assert got[entity_key("successor representation")][0] == "method"


def test_a_title_lead_with_an_unknown_head_is_the_method_when_the_title_names_no_other(nlp) -> None:
    got = found(
        nlp,
        "Mutual Glyph Connection for Handwritten Text Recognition",
        "We present a novel objective that trains a classifier from unlabelled pages.",
    )
    assert got[entity_key("Mutual Glyph Connection")] == ("method", True)
    # a coined name of its own: the lead only describes it; a heading that is no method stays out
    got = found(nlp, "Mutual Glyph Connection for Handwritten Text Recognition", "We present GlyphRouteNet, a novel classifier.")
    assert got.get(entity_key("Mutual Glyph Connection"), ("method", False))[1] is False
    got = found(nlp, "A Glyph Routing Perspective on Text Recognition", "We present a novel objective.")
    assert entity_key("Glyph Routing Perspective") not in got


def test_a_capitalised_word_after_with_before_the_title_colon_is_the_papers_method(nlp) -> None:
    got = found(nlp, "Boosting Parallel Training Efficiency with Q9: A Communication-Driven Approach", "Q9 finds faulty GPUs fast.")
    assert got[entity_key("Q9")] == ("method", True)


def test_one_hyphenated_lowercase_word_in_an_appositive_after_a_proposal_verb_is_a_name(nlp) -> None:
    got = found(nlp, "A study", "We study deep nets and develop skip-gate, a natural extension of dropout, to regularise them.")
    assert got[entity_key("skip-gate")] == ("method", True)


def test_a_known_method_followed_by_a_capitalised_component_word_takes_it(nlp) -> None:
    got = found(nlp, "A study", "The decoder refines features with a Channel Attention Block and global average pooling.")
    assert got[entity_key("Channel Attention Block")][0] == "method"
    assert entity_key("Channel Attention") not in got


def test_a_dotted_version_after_a_model_name_stays_in_the_name(nlp) -> None:
    got = found(nlp, "A study", "We release FooVL-M 4.5, an efficient multimodal model. FooVL-M 4.5 is fast, and BarNet 2.5 times faster.")
    assert got[entity_key("FooVL-M 4.5")] == ("method", True)
    assert entity_key("FooVL-M") not in got and entity_key("BarNet 2.5") not in got
    (paper,) = extract_papers([Paper(id="t", title="A study", abstract="We propose GlyphDec++, an adaptive decoder.")], nlp)
    assert [e.name for e in paper.entities] == ["GlyphDec++"]


def test_we_term_this_approach_x_names_the_papers_method(nlp) -> None:
    got = found(nlp, "A study", "We term this simple approach Chain-of-Glyphs and dub the resulting model Glyph-Omni-Lite.")
    assert got[entity_key("Chain-of-Glyphs")] == ("method", True)
    assert got[entity_key("Glyph-Omni-Lite")] == ("method", True)


def test_a_description_before_its_name_is_not_a_second_proposal(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We propose a novel glyph routing model called GlyphRouter. We introduce an optimal glyph table learning framework OptGlyph. "
        "We also introduce the GlyphHood dataset.",
    )
    assert got[entity_key("GlyphRouter")] == ("method", True) and got[entity_key("OptGlyph")] == ("method", True)
    assert entity_key("glyph routing model") not in got and entity_key("optimal glyph table learning") not in got
    assert got.get(entity_key("GlyphHood"), ("dataset",))[0] == "dataset"


def test_our_plus_words_of_the_title_is_the_papers_method(nlp) -> None:
    got = found(
        nlp,
        "Layered Stroke Fusion Helps Handwritten Glyph Recognition",
        "On handwritten pages our layered stroke fusion gives up to 2.4% over plain concatenation.",
    )
    assert got[entity_key("layered stroke fusion")] == ("method", True)


def test_acronym_typed_by_a_known_dataset_short_form_or_opening_name(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We report results on the Google Street View House Number (SVHN) database and on the "
        "ImageNet Large Scale Visual Recognition Challenge 2013 (ILSVRC2013).",
    )
    assert got[entity_key("Google Street View House Number")][0] == "dataset"
    assert got[entity_key("ImageNet Large Scale Visual Recognition Challenge 2013")][0] == "dataset"
    assert entity_key("Google") not in got


def test_task_of_a_gerund_with_its_object_or_a_cut_phrase_is_no_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Glyph linking is the task of inferring missing glyphs. We study the problem of answering cloze-style riddles. "
        "We address the task of glyph segmentation in scans.",
    )
    assert entity_key("inferring missing") not in got and entity_key("answering") not in got
    assert got[entity_key("glyph segmentation")][0] == "task"


def test_a_task_phrase_does_not_start_with_a_verb_in_a_verb_slot(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "GlyphNet can jointly handle glyph detection. Boxes are merged in order to increase detection recall. "
        "We add attention that encourages reasoning. It uses weakly supervised detection.",
    )
    assert got[entity_key("glyph detection")][0] == "task"
    assert not {entity_key(x) for x in ("handle glyph detection", "increase detection", "encourages reasoning")} & got.keys()
    assert got[entity_key("supervised detection")][0] == "task"  # a participle after an adverb stays


def test_a_lexicon_name_ending_in_y_matches_its_ies_plural_named_singular(nlp) -> None:
    got = found(nlp, "A study", "The glyph model achieves the lowest reported perplexities on two time series corpora.")
    assert got[entity_key("perplexity")][0] == "metric"
    assert entity_key("time sery") not in got
    got = found(nlp, "A study", "Our glyph model reaches higher classification accuracies than the baseline.")
    assert got[entity_key("classification accuracies")][0] == "metric" and entity_key("accuracy") not in got


def test_a_lexicon_metric_followed_by_accuracy_takes_it(nlp) -> None:
    got = found(nlp, "A study", "On the glyph set, rank-1 accuracy is improved from 55.3% to 80.5%, and FID scores drop.")
    assert got[entity_key("rank-1 accuracy")][0] == "metric" and entity_key("rank-1") not in got
    assert got[entity_key("FID")][0] == "metric"


def test_lexicon_keeps_every_spelling_and_the_parts_of_slashed_dataset_names(nlp) -> None:
    got = found(nlp, "A study", "We evaluate on Omniglot and on the Daily Mail news stories.")
    assert got[entity_key("Omniglot")][0] == "dataset"  # Papers with Code lists OMNIGLOT and Omniglot
    assert got[entity_key("Daily Mail")][0] == "dataset"  # from "CNN / Daily Mail"


def test_a_head_word_after_the_short_form_joins_the_name_the_title_gives(nlp) -> None:
    got = found(
        nlp,
        "Stroke-Gated Decoders for Glyph Recognition",
        "Our model, the Stroke-Gated (SG) Decoder, reads glyphs. The SG Decoder is fast.",
    )
    assert got[entity_key("Stroke-Gated Decoder")][0] == "method"
    assert entity_key("Stroke-Gated") not in got


def test_curated_list_knows_established_methods_missing_from_papers_with_code(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We relate skip-gram to Tucker decomposition and train with adversarial training, entropy minimization "
        "and direct preference optimization. Baselines include Llama and a mixture-of-experts diffusion transformer; "
        "features go through max-pooling and bicubic interpolation.",
    )
    for name in ("skip-gram", "Tucker decomposition", "adversarial training", "entropy minimization",
                 "direct preference optimization", "Llama", "mixture-of-experts", "diffusion transformer",
                 "max-pooling", "bicubic interpolation"):
        assert got.get(entity_key(name), ("?",))[0] == "method", name
    assert entity_key("Tucker") not in got  # the longer name wins, not a piece of it


def test_a_size_variant_of_a_named_method_is_that_method(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t", title="A study",
        abstract="We introduce GlyphNet, a novel glyph encoder. GlyphNet-XL and GlyphNet-7B outperform prior work, "
                 "while ResNet-50 trails ResNet-152. Unlike EDM-2, our models are small.",
    )], nlp)
    methods = {entity_key(e.name): e for e in paper.entities if e.type.value == "method"}
    glyph = methods[entity_key("GlyphNet")]
    assert glyph.proposed and {entity_key(a) for a in glyph.aliases} >= {entity_key("GlyphNet-XL"), entity_key("GlyphNet-7B")}
    assert entity_key("GlyphNet-XL") not in methods and entity_key("GlyphNet-7B") not in methods
    assert entity_key("ResNet-50") in methods and entity_key("ResNet-152") in methods  # no family named alone: kept
    assert entity_key("EDM-2") in methods  # a version, not a size


def test_the_long_form_of_an_acronym_again_is_that_entity_not_a_shorter_known_name(nlp) -> None:
    got = found(
        nlp,
        "Provable Training for Graph Contrastive Learning",
        "Graph Contrastive Learning (GCL) has emerged as a popular training approach for graphs.",
    )
    assert got[entity_key("Graph Contrastive Learning")][0] == "method"
    assert entity_key("Contrastive Learning") not in got


def test_a_new_name_opening_a_sentence_as_a_kind_of_model_is_proposed(nlp) -> None:
    got = found(
        nlp,
        "Efficient multimodal models",
        "Glyph-VL is an efficient open-source mixture-of-experts vision-language model. "
        "It beats Foo-LM. Bar-LM is trained on web data.",
    )
    assert got[entity_key("Glyph-VL")] == ("method", True)
    assert got[entity_key("Foo-LM")] == ("method", False)
    assert got[entity_key("Bar-LM")] == ("method", False)  # "is trained": no description as a kind of method


def test_a_described_name_in_a_sentence_where_the_paper_trains_or_releases_it_is_proposed(nlp) -> None:
    got = found(nlp, "Scaling up agents", "We train GlyphLM-70B, a family of agent models, on web data. GlyphLM-70B beats Foo-LM.")
    assert got[entity_key("GlyphLM-70B")] == ("method", True)
    assert got[entity_key("Foo-LM")] == ("method", False)


def test_venues_and_complexity_classes_are_not_methods(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Published as a conference paper at ICLR 2017. The problem is NP-hard, so we train a feed-forward neural network.",
    )
    assert entity_key("ICLR") not in got and entity_key("NP-hard") not in got
    assert got[entity_key("feed-forward neural network")][0] == "method"


def test_capitalised_words_before_a_known_method_name_its_variant(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We compare with Prioritized Dueling DQN and Categorical DQN, and with the Wasserstein GAN. "
        "DQN is strong. In practice, GAN training is unstable, unlike Google Gemini.",
    )
    for name in ("Prioritized Dueling DQN", "Categorical DQN", "Wasserstein GAN"):
        assert got[entity_key(name)][0] == "method", name
    assert entity_key("Dueling DQN") not in got and got[entity_key("Gemini")][0] == "method"
    assert not [k for k in got if k.startswith(("practice", "inpractice", "the"))]


def test_a_like_suffix_is_cut_from_a_named_method_phrase(nlp) -> None:
    got = found(nlp, "A study", "It uses a GlyphNet-like module for decoding, which beats autoregressive language models.")
    assert got[entity_key("GlyphNet")][0] == "method"
    assert entity_key("GlyphNet-like") not in got
    assert got[entity_key("autoregressive language model")][0] == "method" and entity_key("language model") not in got


def test_an_undefined_acronym_spelled_by_a_method_names_initials_is_that_method(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t", title="A study",
        abstract="We further propose an efficient algorithm named Iterative Glyph Merging. The IGM shows great potential.",
    )], nlp)
    methods = {entity_key(e.name): e for e in paper.entities if e.type.value == "method"}
    assert entity_key("IGM") not in methods
    igm = methods[entity_key("Iterative Glyph Merging")]
    assert igm.proposed and entity_key("IGM") in {entity_key(a) for a in igm.aliases}


def test_a_named_part_of_what_the_sentence_proposes_is_proposed(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "In this paper, we propose GlyphSearch, an efficient search framework consisting of a Foo-based supernet "
        "and a Glyph-NAS algorithm. Unlike Bar-NAS, it is fast.",
    )
    assert got[entity_key("Glyph-NAS")] == ("method", True)
    assert got[entity_key("Bar-NAS")] == ("method", False)


def test_a_proposed_name_keeps_its_version_number_in_every_use(nlp) -> None:
    got = found(
        nlp,
        "Video models",
        "In this work, we introduce a self-supervised video model, Glyph-JEPA 2, trained on video. "
        "Glyph-JEPA 2 achieves strong results. ResNet 3 times deeper is slower.",
    )
    assert got[entity_key("Glyph-JEPA 2")] == ("method", True)
    assert entity_key("Glyph-JEPA") not in got
    assert entity_key("ResNet 3") not in got


def test_third_person_verbs_and_company_names_are_not_entity_words(nlp) -> None:
    got = found(nlp, "A study", "GlyphGen supports multi-shot generation and matches OpenAI's o1 on reasoning.")
    assert got[entity_key("multi-shot generation")][0] == "task"
    assert entity_key("supports multi-shot generation") not in got and entity_key("OpenAI") not in got


def test_a_proposal_of_plain_adjectives_and_a_generic_head_names_nothing(nlp) -> None:
    got = found(nlp, "A study", "We propose an end-to-end neural model that reads glyphs. We also present a glyph-aware ranking model.")
    assert entity_key("end-to-end neural model") not in got and entity_key("neural model") not in got
    assert got[entity_key("glyph-aware ranking model")] == ("method", True)


def test_we_describe_x_introduces_a_name(nlp) -> None:
    got = found(nlp, "A report", "We describe GlyphLM, a compact model for glyph reading. We describe the training of the baseline.")
    assert got[entity_key("GlyphLM")] == ("method", True)
    assert not [k for k in got if k.startswith("training")]


def test_a_title_means_opening_with_a_hyphenated_ing_adjective_is_the_method(nlp) -> None:
    got = found(nlp, "Glyph Reading With a Fast-Learning Shallow Glyph Network", "We present a network that reads glyphs quickly.")
    assert got[entity_key("Fast-Learning Shallow Glyph Network")] == ("method", True)
    got = found(nlp, "Glyph Reading With Learning Shallow Glyph Networks", "We present a network that reads glyphs quickly.")
    assert entity_key("Learning Shallow Glyph Networks") not in got


def test_a_title_subtitle_naming_a_network_is_the_papers_method(nlp) -> None:
    got = found(nlp, "Striving for Speed: The All Glyph Net", "We propose a new architecture that reads glyphs.")
    assert got[entity_key("All Glyph Net")] == ("method", True)
    got = found(nlp, "Boosting Glyphs: A Context-Driven Approach", "We propose a new architecture that reads glyphs.")
    assert entity_key("Context-Driven Approach") not in got


def test_our_model_the_x_is_proposed(nlp) -> None:
    got = found(nlp, "A study", "Our model, the Glyph-Gated (GG) Reader, integrates a multi-hop architecture. The GG Reader is fast.")
    assert got[entity_key("Glyph-Gated")] == ("method", True)
    got = found(nlp, "A study", "Our model, the GlyphNet, beats the Foo-Gated (FG) Reader.")
    assert got[entity_key("Foo-Gated")] == ("method", False)


def test_divergences_and_information_quantities_are_not_methods(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We bound the mutual information (MI) and the Kullback-Leibler (KL) divergence between neural networks (NNs), "
        "and use maximum inner product search (MIPS). We also apply transfer learning.",
    )
    assert got[entity_key("mutual information")][0] == "metric"
    assert got[entity_key("Kullback-Leibler divergence")][0] == "metric" and entity_key("Kullback-Leibler") not in got
    assert got[entity_key("maximum inner product search")][0] == "task"
    assert entity_key("NNs") not in got
    assert got[entity_key("transfer learning")][0] == "task"  # GUIDELINES: a bare generic (optional) task


def test_curated_list_knows_recent_widely_used_models_and_techniques(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We fine-tune Qwen2.5 with reinforcement learning with verifiable rewards and compare against SimPO, "
        "grouped-query attention, FlashAttention and a vision-language model baseline.",
    )
    for name in ("Qwen2.5", "reinforcement learning with verifiable rewards", "SimPO", "grouped-query attention",
                 "FlashAttention", "vision-language model"):
        assert got.get(entity_key(name), ("?",))[0] == "method", name


def test_a_known_model_keeps_its_release_version_tier_and_size(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Our model beats Gemini 2.5 Pro, Llama 3.1 8B and Mistral 7B, while BERT is 2.5 times slower. We use Adam 0.9.",
    )
    for name in ("Gemini 2.5 Pro", "Llama 3.1 8B", "Mistral 7B"):
        assert got[entity_key(name)][0] == "method", name
    assert got[entity_key("BERT")][0] == "method" and got[entity_key("Adam")][0] == "method"


def test_a_name_ending_in_bench_or_eval_is_a_benchmark(nlp) -> None:
    got = found(nlp, "A study", "GlyphLM matches Foo-LM on WritingBench and MT-Bench. We propose GlyphEval-Net.")
    assert got[entity_key("WritingBench")][0] == "dataset" and got[entity_key("MT-Bench")][0] == "dataset"
    assert got[entity_key("GlyphEval-Net")] == ("method", True)


def test_a_new_name_that_is_the_subject_of_the_results_is_the_papers_method(nlp) -> None:
    got = found(
        nlp,
        "Agents that learn",
        "To address these issues, GlyphSailor leverages a data synthesis pipeline. "
        "GlyphSailor significantly outperforms open-source agents, and Foo-Agent trails.",
    )
    assert got[entity_key("GlyphSailor")] == ("method", True)
    got = found(
        nlp,
        "A benchmark study",
        "GlyphSailor achieves 40% and FooAgent achieves 30%. GlyphSailor and FooAgent fail on long tasks. FooAgent outperforms humans.",
    )
    assert got[entity_key("GlyphSailor")] == ("method", False)  # two names qualify: none is singled out


def test_curated_list_knows_pretraining_paradigms_as_methods(nlp) -> None:
    got = found(nlp, "A study", "Unlike unsupervised pretraining, masked video modeling with a diffusion probabilistic model works.")
    for name in ("unsupervised pretraining", "masked video modeling", "diffusion probabilistic model"):
        assert got.get(entity_key(name), ("?",))[0] == "method", name


def test_a_capitalised_multiword_lexicon_method_matches_with_a_lowercase_first_word(nlp) -> None:
    got = found(nlp, "A study", "One model is based on bidirectional LSTMs and conditional random fields.")
    assert got[entity_key("bidirectional LSTM")][0] == "method"
    assert entity_key("LSTM") not in got


def test_curated_list_knows_classic_named_models_and_estimators(nlp) -> None:
    got = found(nlp, "A study", "We compare Faster RCNN, DistMult and a 3D Morphable Model trained with a softmax loss and a straight-through estimator.")
    for name in ("Faster RCNN", "DistMult", "3D Morphable Model", "softmax loss", "straight-through estimator"):
        assert got.get(entity_key(name), ("?",))[0] == "method", name


def test_by_introducing_x_names_the_papers_method_and_a_size_joins_it(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t", title="Large glyph models",
        abstract="We challenge this notion by introducing GlyphDA, a diffusion model trained from scratch. "
                 "GlyphDA 8B is competitive with FooLM3 8B. We do so by introducing a sub-network specializing in glyphs, "
                 "and by proposing a KV-cache-like mechanism.",
    )], nlp)
    methods = {entity_key(e.name): e for e in paper.entities if e.type.value == "method"}
    assert methods[entity_key("GlyphDA")].proposed
    assert entity_key("GlyphDA 8B") in {entity_key(a) for a in methods[entity_key("GlyphDA")].aliases}
    assert entity_key("FooLM3 8B") in methods and not methods[entity_key("FooLM3 8B")].proposed
    assert not [k for k in methods if k.startswith(("subnetwork", "kvcachelike"))]


def test_a_name_after_benchmark_comma_is_a_dataset_and_passive_design_proposes(nlp) -> None:
    got = found(
        nlp,
        "Video generation at scale",
        "A deep compression autoencoder, Glyph-VAE, is designed for video generation. "
        "Our model is evaluated on a novel video generation benchmark, GlyphVid-Suite.",
    )
    assert got[entity_key("Glyph-VAE")] == ("method", True)
    assert got[entity_key("GlyphVid-Suite")] == ("dataset", False)


@pytest.mark.parametrize("verb", ["developed", "designed", "presented", "constructed", "established", "built", "proposed"])
def test_a_proposal_stated_in_the_past_tense_is_a_proposal(nlp, verb: str) -> None:
    assert proposes(f"In this work, we {verb} a pipeline.")
    got = found(nlp, "Grounded agents", f"We {verb} GlyphPlanner, which plans tool calls.")
    assert got[entity_key("GlyphPlanner")] == ("method", True)


def test_a_repeated_head_description_right_after_its_name_is_not_an_entity(nlp) -> None:
    got = found(nlp, "Video generation", "We present Glyph-Video-T2V, a state-of-the-art text-to-video pre-trained model with 30B parameters.")
    assert got[entity_key("Glyph-Video-T2V")] == ("method", True)
    assert not [k for k in got if k.endswith("pretrainedmodel")]


# ---------------------------------------------------------------------------------------------
# Round 9b: how recent abstracts report results (kg.extract.results, extra-* lexicons)


def test_a_metric_at_a_cut_off_is_one_metric(nlp) -> None:
    got = found(nlp, "A study", "Our glyph coder reaches 61.2% pass@1 and 80.3% pass@k, and NDCG@10 rises by 4 points; mail us at x@k.edu.")
    assert got[entity_key("pass@1")][0] == "metric" and got[entity_key("pass@k")][0] == "metric"
    assert got[entity_key("NDCG@10")][0] == "metric" and entity_key("NDCG") not in got
    assert entity_key("x@k") not in got


def test_a_bare_error_reported_with_a_number_is_a_metric(nlp) -> None:
    got = found(nlp, "A study", "The glyph net matches the best results on GlyphSet (0.37% error).")
    assert got[entity_key("error")][0] == "metric"
    got = found(nlp, "A study", "Rounding errors and error bars are discussed; the error rate analysis is in 3% error bars.")
    assert entity_key("error") not in got


def test_a_name_with_a_benchmark_suffix_is_a_dataset(nlp) -> None:
    got = found(nlp, "A study", "Our glyph agent scores 41% on GlyphBench, QuillEval and Ink-Arena, and 30% on Slate-bench Verified.")
    for name in ("GlyphBench", "QuillEval", "Ink-Arena", "Slate-bench Verified"):
        assert got[entity_key(name)][0] == "dataset", name
    got = found(nlp, "A study", "We introduce GlyphBench, a benchmark of 500 glyph puzzles.")
    assert got[entity_key("GlyphBench")] == ("dataset", False)
    got = found(nlp, "A study", "The Workbench tool is used.")
    assert entity_key("Workbench") not in got


def test_a_modality_to_modality_name_is_a_generation_task(nlp) -> None:
    got = found(nlp, "A study", "Besides the standard text-to-image task, we validate on text-to-video, and on sketch-to-3D models.")
    assert got[entity_key("text-to-image generation")][0] == "task"
    assert got[entity_key("text-to-video generation")][0] == "task"
    assert got[entity_key("sketch-to-3D generation")][0] == "task"
    got = found(nlp, "Efficient Image-to-Video Transfer Learning", "We study image-to-video transfer learning.")
    assert entity_key("image-to-video generation") not in got


def test_curated_lists_know_recent_benchmarks_metrics_and_tasks(nlp) -> None:
    got = found(nlp, "A study", "We improve instruction following and function calling, with higher BERTScore and 45% on AIME 2024 and GPQA Diamond.")
    assert got[entity_key("instruction following")][0] == "task" and got[entity_key("function calling")][0] == "task"
    assert got[entity_key("BERTScore")][0] == "metric"
    assert got[entity_key("AIME 2024")][0] == "dataset" and got[entity_key("GPQA Diamond")][0] == "dataset"


def test_a_named_accuracy_keeps_its_task_and_its_shot_count(nlp) -> None:
    got = found(nlp, "A study", "We evaluate how glyph filters affect face recognition accuracy on GlyphSet, from 80% to 85%.")
    assert got[entity_key("face recognition accuracy")][0] == "metric" and entity_key("recognition accuracy") not in got
    got = found(nlp, "A study", "Glyph nets improve one-shot accuracy on GlyphSet from 87.6% to 93.2%.")
    assert got[entity_key("one-shot accuracy")][0] == "metric"
    got = found(nlp, "A study", "Glyph nets raise the overall detection accuracy to 93.2%.")
    assert got[entity_key("detection accuracy")][0] == "metric" and entity_key("overall detection accuracy") not in got


def test_a_name_the_paper_gives_its_data_is_a_dataset_not_a_method(nlp) -> None:
    got = found(nlp, "A study", "We present InkSet, a large-scale dataset of 10k pages, and show results on InkSet.")
    assert got[entity_key("InkSet")] == ("dataset", False)
    got = found(nlp, "A study", "We construct a new benchmark called Quill-1M and a small dataset s1K of 1,000 questions.")
    assert got[entity_key("Quill-1M")][0] == "dataset" and got[entity_key("s1K")][0] == "dataset"
    got = found(nlp, "A study", "We propose GlyphNet, a model trained on a large corpus, and a dataset of glyphs.")
    assert got[entity_key("GlyphNet")][0] == "method" and entity_key("of") not in got


def test_data_kinds_from_the_papers_with_code_task_list_are_no_tasks(nlp) -> None:
    got = found(nlp, "A study", "We learn word embeddings for time series, point clouds and knowledge graphs for time series forecasting.")
    for name in ("word embeddings", "time series", "point clouds", "knowledge graphs"):
        assert got.get(entity_key(name), ("none",))[0] != "task", name
    assert got[entity_key("time series forecasting")][0] == "task"


def test_a_task_named_as_the_kind_of_benchmark_is_a_task(nlp) -> None:
    got = found(nlp, "A study", "GlyphLM improves results on code-generation benchmarks and on text similarity and retrieval benchmarks.")
    assert got[entity_key("code generation")][0] == "task"
    assert got[entity_key("retrieval")][0] == "task"
    got = found(nlp, "A study", "GlyphLM is used for retrieval of glyphs.")
    assert entity_key("retrieval") not in got


def test_a_metric_the_paper_names_is_a_metric(nlp) -> None:
    got = found(nlp, "A study", 'To address this, we propose the metric "glyph compactness", which bounds the loss.')
    assert got[entity_key("glyph compactness")] == ("metric", False)
    got = found(nlp, "A study", "This is due to the higher ``stroke sharpness'' (K_F) of glyph sets, a metric which we propose.")
    assert got[entity_key("stroke sharpness")][0] == "metric"
    got = found(nlp, "A study", "We introduce a new evaluation metric called GlyphScore and report it.")
    assert got[entity_key("GlyphScore")] == ("metric", False)


def test_cnn_beside_the_daily_mail_is_the_news_corpus(nlp) -> None:
    got = found(nlp, "A study", "Two sets were introduced: the CNN and Daily Mail news data.")
    assert got[entity_key("CNN")][0] == "dataset" and got[entity_key("Daily Mail")][0] == "dataset"
    got = found(nlp, "A study", "We test on the CNN / DailyMail cloze test.")
    assert got[entity_key("CNN/DailyMail")][0] == "dataset"
    got = found(nlp, "A study", "We train a CNN on glyphs.")
    assert got[entity_key("CNN")][0] == "method"


def test_a_task_abbreviation_before_a_dataset_head_names_no_dataset(nlp) -> None:
    got = found(nlp, "A study", "GlyphLM raises accuracy on open-domain QA benchmarks such as GlyphQuestions and on NER datasets.")
    assert entity_key("QA") not in got and got.get(entity_key("NER"), ("none",))[0] != "dataset"
    assert got[entity_key("GlyphQuestions")][0] == "dataset"


def test_curated_lists_know_speech_and_video_metrics(nlp) -> None:
    got = found(nlp, "A study", "Our glyph voice model improves UTMOS, mean opinion score and speaker similarity, and CLIPSIM for video.")
    for name in ("UTMOS", "mean opinion score", "speaker similarity", "CLIPSIM"):
        assert got[entity_key(name)][0] == "metric", name


def test_a_title_task_the_abstract_names_more_narrowly_is_that_task(nlp) -> None:
    got = found(nlp, "GlyphPose: Pose Estimation In The Wild", "We study dense human pose estimation for glyph images.")
    assert got[entity_key("dense human pose estimation")][0] == "task"
    assert entity_key("pose estimation") not in got
    got = found(nlp, "GlyphPose: Pose Estimation In The Wild", "We study pose estimation for glyph images.")
    assert got[entity_key("pose estimation")][0] == "task"


def test_general_adjectives_do_not_narrow_a_task(nlp) -> None:
    got = found(nlp, "A study", "GlyphNet is an alternative to explicit facial landmark detection and to end-to-end speech recognition.")
    assert got[entity_key("facial landmark detection")][0] == "task"
    assert got[entity_key("speech recognition")][0] == "task"
    assert entity_key("explicit facial landmark detection") not in got


def test_precision_that_names_a_number_format_is_no_metric(nlp) -> None:
    got = found(nlp, "A study", "GlyphNet approximates any map to arbitrary precision and trains in mixed precision with FP8 precision weights.")
    assert not any(k.endswith("precision") for k in got)
    got = found(nlp, "A study", "GlyphNet raises precision and recall on GlyphSet by 3%, with higher precision than the baseline.")
    assert got[entity_key("precision")][0] == "metric"


def test_a_known_name_with_a_glued_version_keeps_its_type(nlp) -> None:
    got = found(nlp, "A study", "Experiments on LLaMA2 and Qwen2.5-7B-Instruct show gains: 43.3% on AIME24 and 80.2% on MATH500.")
    assert got[entity_key("LLaMA2")][0] == "method" and got[entity_key("Qwen2.5-7B-Instruct")][0] == "method"
    assert got[entity_key("AIME24")][0] == "dataset" and got[entity_key("MATH500")][0] == "dataset"


def test_a_name_with_a_parameter_count_is_a_model_in_a_dataset_context(nlp) -> None:
    got = found(nlp, "A study", "Experiments on GlyphLM-2-7B and QuillLM-8B-Chat improve by 3%, and results on GlyphSet-5K too.")
    assert got[entity_key("GlyphLM-2-7B")][0] == "method" and got[entity_key("QuillLM-8B-Chat")][0] == "method"
    assert got[entity_key("GlyphSet-5K")][0] == "dataset"


def test_a_lowercase_proposal_ending_in_a_concept_word_names_no_method(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We provide an analytical explanation of grokking and introduce the feature complexity regarding redundancy. "
        "We also propose a glyph-aware ranking model.",
    )
    assert not [k for k in got if k.startswith("analyticalexplanation") or k.endswith("regarding")]
    assert got[entity_key("glyph-aware ranking model")] == ("method", True)


def test_initialization_and_tokenization_are_no_method_heads(nlp) -> None:
    got = found(nlp, "A study", "We compare random weights initialization with video tokenization, and dropout.")
    assert not [k for k in got if k.endswith(("initialization", "tokenization"))]
    assert got[entity_key("dropout")][0] == "method"


def test_equation_kinds_and_hardware_pairs_are_not_methods(nlp) -> None:
    got = found(nlp, "A study", "We solve the ODE with an ODE sampler on a CPU-GPU pipeline and compare with DPM-Solver.")
    assert entity_key("ODE") not in got and entity_key("CPU-GPU") not in got
    assert got[entity_key("DPM-Solver")][0] == "method"


# ---------------------------------------------------------------------------------------------
# Round 10: metadata a PDF or LaTeX source leaves glued after an abstract is no entity


def test_affiliations_and_glued_titles_are_no_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We propose FooNet. UniversityofCalifornia, Berkeley KeyLaboratoryofComputationalLinguistics, PekingUniversity "
        "MassachusettsInstituteofTechnology FacebookAIResearch CNNforOrdinalRegression withCross-PassageAnswerVerification",
    )
    assert set(got) == {entity_key("FooNet")}


def test_initials_glued_to_surnames_are_no_entities(nlp) -> None:
    got = found(nlp, "A study", "We propose FooNet. W.Xiong, J.Droppo, X.Huang, D.YuandG.Zweig, RonJ.Weiss andYoshuaBengio")
    assert set(got) == {entity_key("FooNet")}


def test_authors_with_affiliation_markers_are_no_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We propose FooNet. [1*] YizhongWang [2] KaiLiu [2] JingLiu [1] BaiduInc 1] JonathanShen1] RuomingPang1] ZonghengYang 1]",
    )
    assert set(got) == {entity_key("FooNet")}


def test_an_author_list_run_into_its_affiliation_is_no_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We propose FooNet. TomSercu ChristianPuhrsch BrianKingsbury CenterforDataScience, NewYorkUniversity "
        "WuzhenShi, FengJiang, DebinZhao SchoolofComputerScienceandTechnology, UniversitéParis-Est",
    )
    assert set(got) == {entity_key("FooNet")}


def test_a_list_of_camel_case_models_is_no_author_list(nlp) -> None:
    got = found(nlp, "A study", "We compare ResNet, DenseNet, MobileNet and BarNet.")
    assert {entity_key(n) for n in ("ResNet", "DenseNet", "MobileNet", "BarNet")} <= set(got)


def test_user_names_of_an_email_group_and_tex_macros_are_no_entities(nlp) -> None:
    got = found(nlp, "A study", "We propose FooNet and the HyperZcdotZcdotW operator. {liukai20, liujing46, hewei06} @baidu.com")
    assert set(got) == {entity_key("FooNet")}


def test_a_citation_number_before_a_name_is_no_affiliation_marker(nlp) -> None:
    # affiliation markers are one digit; an acronym is never an author
    got = found(nlp, "A study", "We compare with Gabor-SNN [40] HOTS [20] and FooNet [12] BarNet [3] BAZ on event data.")
    assert {entity_key("HOTS"), entity_key("BarNet"), entity_key("BAZ")} <= set(got)


def test_metadata_ids_dates_colours_and_emails_are_no_entities(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We propose FooNet. Research addressref = aff1, noteref = fn1. ccs2012 KDD’18August19–23, 2018 RevisedFebruary2017 "
        "SIGIR’17August07-11, 2017Shinjuku perpHTMLA411CC cyanHTML307D7E SergeyZagoruykosergey.zagoruyko@enpc.fr1 "
        "MemNNMemNNMemoryNetwork fixltx2efixltx2eisnotrequired algoAlgorithm blackEnsemble",
    )
    assert set(got) == {entity_key("FooNet")}


def test_camel_case_model_names_are_kept(nlp) -> None:
    names = "ResNet BatchNorm DeepSeekMath AlphaFold GPT-4o LLaMA-2-7B Qwen2.5 WideResNet MobileNetV2 BERTScore SWE-bench FlowNet2 DeepID2"
    got = found(nlp, "A study", f"We compare {', '.join(names.split())} and fastText.")
    assert [n for n in names.split() + ["fastText"] if entity_key(n) not in got] == []


def test_no_lexicon_name_is_taken_for_metadata() -> None:
    from pathlib import Path

    from kg.extract.rules import _METADATA

    lexicons = Path(__file__).resolve().parent.parent / "kg/extract/data/lexicons"
    words = {w for f in lexicons.glob("*.txt") for line in f.read_text(encoding="utf-8").splitlines() if not line.startswith("#") for w in [line.strip(), *line.split()]}
    assert len(words) > 10_000
    assert sorted(w for w in words if _METADATA.search(w)) == []


# --- Round 11: proposed methods that generalise ---------------------------------------------


def test_title_leading_with_a_known_non_established_method_name_proposes_it(nlp) -> None:
    abstract = "This work introduces a new approach. It is evaluated on a standard benchmark and improves accuracy."
    assert found(nlp, "Stacked Hourglass Networks for Human Pose Estimation", abstract)[entity_key("Stacked Hourglass Networks")] == ("method", True)
    assert found(nlp, "End-To-End Memory Networks", abstract)[entity_key("End-To-End Memory Networks")] == ("method", True)
    # an established family in the lead is only used; so is a known lead when the paper names its own method
    assert found(nlp, "Convolutional Neural Networks for Sentence Classification", abstract)[entity_key("Convolutional Neural Networks")] == ("method", False)
    got = found(nlp, "Depthwise Separable Convolutions for Neural Machine Translation", "We present SliceNet, a new architecture. " + abstract)
    assert got[entity_key("Depthwise Separable Convolutions")] == ("method", False) and got[entity_key("SliceNet")] == ("method", True)


def test_title_leading_with_an_ing_word_and_networks_names_a_proposed_method(nlp) -> None:
    abstract = "We employ ideas from metric learning. Our framework maps a small labelled support set to a classifier."
    assert found(nlp, "Matching Networks for One Shot Learning", abstract)[entity_key("Matching Networks")] == ("method", True)
    assert entity_key("Spiking Networks") not in found(nlp, "Spiking Networks for Keyword Spotting", abstract)
    assert entity_key("Matching Models") not in found(nlp, "Matching Models for One Shot Learning", abstract)


def test_what_a_new_method_is_based_on_is_proposed(nlp) -> None:
    got = found(nlp, "A study", "We propose a new regularization method based on virtual adversarial loss: a measure of local smoothness.")
    assert got[entity_key("virtual adversarial loss")] == ("method", True)
    got = found(nlp, "A study", "We propose a new method based on the Transformer architecture. It improves accuracy.")
    assert got.get(entity_key("Transformer"), ("method", False))[1] is False


def test_a_proposal_in_the_perfect_tense_is_a_proposal(nlp) -> None:
    got = found(nlp, "A study", "We have developed Zorblax for sequence labelling. It improves accuracy on standard benchmarks.")
    assert got[entity_key("Zorblax")] == ("method", True)
    got = found(nlp, "A study", "This paper has introduced the gradient rescaling trick for recurrent training.")
    assert got[entity_key("gradient rescaling trick")] == ("method", True)


def test_a_list_after_namely_in_a_proposing_sentence_is_proposed(nlp) -> None:
    got = found(nlp, "A study", "We further propose two techniques, namely adaptive token merging and gradual width shrinking. Both help.")
    assert got[entity_key("adaptive token merging")] == ("method", True) and got[entity_key("gradual width shrinking")] == ("method", True)


def test_the_stated_contribution_is_proposed(nlp) -> None:
    got = found(nlp, "A study", "Our key contribution is a novel contrastive alignment loss that aligns the two modalities.")
    assert got[entity_key("contrastive alignment loss")] == ("method", True)


def test_a_known_method_after_for_in_a_proposal_is_only_used(nlp) -> None:
    got = found(nlp, "A study", "We propose a simple token merging schedule for vision transformers. It improves accuracy.")
    assert got[entity_key("vision transformers")] == ("method", False)


def test_praise_before_a_lowercase_proposal_is_not_part_of_it(nlp) -> None:
    got = found(nlp, "A study", "We propose a simple yet effective token pruning strategy for vision transformers.")
    assert got[entity_key("token pruning")] == ("method", True)
    got = found(nlp, "A study", "To address this, we introduce an efficient dense training scheme that processes adjacent patches jointly.")
    assert got[entity_key("dense training")] == ("method", True)


# ---------------------------------------------------------------------------------------------
# Round 12: evaluation campaigns are datasets; a campaign's track is not a task


def test_a_campaign_name_with_its_edition_is_a_dataset(nlp) -> None:
    abstract = (
        "We evaluate on the IWSLT 2017 German-English data and on two WMT language pairs. "
        "Our system improves over the baseline on the NIST 2006 test set and on both CoNLL 2009 and CoNLL 2011."
    )
    got = found(nlp, "A study", abstract)
    for name in ("IWSLT 2017", "WMT", "NIST 2006", "CoNLL 2009", "CoNLL 2011"):
        assert got[entity_key(name)][0] == "dataset", (name, got)
    assert entity_key("NIST") not in got and entity_key("CoNLL") not in got
    got = found(nlp, "A study", "We rank first on SemEval-2019 Task 3 and on the TREC 2004 robust track.")
    assert got[entity_key("SemEval-2019 Task 3")][0] == "dataset" and got[entity_key("TREC 2004")][0] == "dataset"


def test_a_campaign_track_is_not_a_task(nlp) -> None:
    abstract = "We participated in the WMT 2018 shared biomedical translation task with a neural system for question answering."
    got = found(nlp, "A study", abstract)
    assert got[entity_key("WMT 2018")][0] == "dataset"
    assert not any(t == "task" and "translation" in k for k, (t, _) in got.items()), got
    assert got[entity_key("question answering")][0] == "task"


def test_further_editions_listed_after_a_campaign_are_datasets(nlp) -> None:
    got = found(nlp, "A study", "Our parser sets a new state of the art on span (CoNLL 2004, 2011) and dependency (CoNLL 2007, 2010 and 2013) benchmarks.")
    for name in ("CoNLL 2004", "CoNLL 2011", "CoNLL 2007", "CoNLL 2010", "CoNLL 2013"):
        assert got[entity_key(name)][0] == "dataset", (name, got)


def test_descriptive_words_before_a_known_task_are_not_part_of_it(nlp) -> None:
    got = found(nlp, "A study", "We apply the model to a real world image classification task, a flagship machine translation benchmark.")
    assert got[entity_key("image classification")][0] == "task" and entity_key("real world image classification") not in got
    assert got[entity_key("machine translation")][0] == "task" and entity_key("flagship machine translation") not in got


def test_a_task_shaped_phrase_named_as_the_means_of_other_work_is_a_method(nlp) -> None:
    abstract = (
        "Earlier systems rely on keyword spotting detection with fixed thresholds. "
        "Compared to other approaches such as word-level segmentation, our model needs no lexicon. "
        "We evaluate on speech recognition."
    )
    got = found(nlp, "A study", abstract)
    assert got[entity_key("word-level segmentation")][0] == "method"
    assert got[entity_key("speech recognition")][0] == "task"


def test_a_two_digit_edition_joins_the_same_edition_written_in_full(nlp) -> None:
    (paper,) = extract_papers([Paper(id="t", title="Our Systems for IWSLT 17", abstract="We took part in IWSLT 2017 and report IWSLT 18 results.")], nlp)
    got = {e.name: e for e in paper.entities if e.type.value == "dataset"}
    assert "IWSLT 17" in got["IWSLT 2017"].aliases and "IWSLT 17" not in got
    assert "IWSLT 18" in got  # no "IWSLT 2018" in the paper: kept as written


# --- Round 13: proposed methods introduced without a naming cue ---------------------------------


def test_a_new_method_or_component_is_proposed_whatever_the_verb(nlp) -> None:
    abstract = "This can be done in any feed-forward model by augmenting it with a simple new gradient reversal layer. It trains with standard losses."
    assert found(nlp, "A study", abstract)[entity_key("gradient reversal layer")] == ("method", True)
    got = found(nlp, "A study", "Our system combines LSTM acoustic models with a novel spatial smoothing method and system combination.")
    assert got[entity_key("spatial smoothing")] == ("method", True)
    # a part ("scheme") with no method head is not taken; nor a phrase that an acronym definition names
    assert entity_key("node updating") not in found(nlp, "A study", "Second, we use a novel node updating scheme for message passing.")
    got = found(nlp, "A study", "We integrate a novel multi-resolution network. We call it the Multi-Resolution network (MRN), which refines features.")
    assert entity_key("multi-resolution network") in got and sum(1 for t, _ in got.values() if t == "method") == 1, got


# --- Round 14: method precision that generalises ------------------------------------------------


def test_an_acronym_before_a_task_head_is_no_method(nlp) -> None:
    abstract = "We study HSI classification with a graph network. Our MRF-based segmentation uses a GCN for SAR detection."
    got = found(nlp, "A study", abstract)
    assert entity_key("HSI") not in got and entity_key("SAR") not in got, got
    assert got[entity_key("MRF")][0] == "method"  # "MRF-based": the method the task is done with
    assert got[entity_key("GCN")][0] == "method"


def test_an_undefined_acronym_with_a_task_head_joins_the_spelled_out_task(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t", title="Learning Embeddings for Click-through Rate Prediction",
        abstract="Embedding tables dominate memory in CTR prediction. We shrink them by pruning.",
    )], nlp)
    tasks = [e for e in paper.entities if e.type.value == "task"]
    assert [e.name for e in tasks] == ["Click-through Rate Prediction"], tasks
    assert "CTR prediction" in tasks[0].aliases


def test_closing_quotes_are_not_part_of_an_acronym_long_form(nlp) -> None:
    abstract = "To compare GANs we introduce the ‘ Fréchet Inception Distance ’ ’ (FID), which improves on the Inception Score."
    got = found(nlp, "A study", abstract)
    assert got[entity_key("Fréchet Inception Distance")][0] == "metric", got
    assert not any("’" in k for k in got)


def test_an_acronym_for_a_degree_or_count_is_no_method(nlp) -> None:
    abstract = (
        "The low resolution (LR) input is upscaled to the high resolution (HR) space. "
        "A network regresses 6 degrees of freedom (6DoF) head pose and avoids the small sample size (SSS) problem. "
        "We train a long short-term memory (LSTM) with a 3D convolutional network (3DCN)."
    )
    got = found(nlp, "A study", abstract)
    for gone in ("low resolution", "LR", "high resolution", "6 degrees of freedom", "6DoF", "small sample size", "SSS"):
        assert entity_key(gone) not in got, (gone, got)
    assert got[entity_key("long short-term memory")][0] == "method"
    assert got[entity_key("3D convolutional network")][0] == "method"


def test_attention_that_a_topic_receives_is_no_method(nlp) -> None:
    abstract = (
        "Diffusion models have received great attention in recent years, and we pay special attention to memory. "
        "Our decoder uses gated attention."
    )
    got = found(nlp, "A study", abstract)
    assert not any(k.endswith("attention") and k != entity_key("gated attention") for k in got), got
    assert got[entity_key("gated attention")][0] == "method"


def test_an_acronym_long_form_starts_at_a_word_start(nlp) -> None:
    abstract = "Modern self-supervised learning (SSL) representations are strong. We train a vision-language model (VLM)."
    got = found(nlp, "A study", abstract)
    assert got[entity_key("self-supervised learning")][0] == "method", got
    assert entity_key("supervised learning") not in got
    assert got[entity_key("vision-language model")][0] == "method"


def test_an_acronym_of_a_known_task_or_measure_takes_the_whole_name_and_type(nlp) -> None:
    abstract = (
        "We focus on person re-identification (re-ID) across cameras. "
        "We bound the Wasserstein and Maximum Mean Discrepancy (MMD) distances. "
        "The ensemble of fully convolutional neural networks (CNNs) is trained end to end."
    )
    got = found(nlp, "A study", abstract)
    assert got[entity_key("person re-identification")][0] == "task", got
    assert entity_key("re-identification") not in got
    assert got[entity_key("Maximum Mean Discrepancy")][0] == "metric"
    assert got[entity_key("convolutional neural network")][0] == "method"  # a method is what its acronym spells


# --- Round 15: the paper's own method when it has no name -----------------------------------------


def test_a_described_contribution_is_the_proposed_method_when_nothing_is_named(nlp) -> None:
    abstract = "We present the first massively distributed architecture for deep reinforcement learning. It uses many actors."
    assert found(nlp, "A study", abstract)[entity_key("massively distributed architecture")] == ("method", True)
    # praise words are dropped; a known family that is the whole contribution is kept despite being generic
    got = found(nlp, "A study", "We describe a very simple bag-of-words baseline for visual question answering.")
    assert got[entity_key("bag-of-words baseline")] == ("method", True)
    got = found(nlp, "A study", "We present a deep neural network that sequentially predicts the pixels in an image.")
    assert got[entity_key("deep neural network")] == ("method", True)
    got = found(nlp, "A study", "We present a deep neural network (DNN) that predicts pixels. The DNN is fast.")
    assert got[entity_key("deep neural network")] == ("method", True)  # the acronym's long form carries it


def test_no_described_contribution_when_the_paper_names_its_method_or_describes_nothing_specific(nlp) -> None:
    got = found(nlp, "A study", "We propose a novel attention module for parsing, which we call FooNet. FooNet works well.")
    assert entity_key("attention module") not in got or not got[entity_key("attention module")][1]
    for abstract in (
        "We present an end-to-end neural model that verifies answer candidates.",  # plain words, generic head
        "We propose a neural network that predicts labels.",  # never a method alone (GUIDELINES)
        "Here, we propose a new discrete-time algorithm that addresses this issue.",  # one word before a generic head
        "We introduce the new concept of delayed robustness in trained networks.",  # a concept, not a method
        "We propose the task of free-form visual question answering.",
    ):
        assert not any(proposed for _, proposed in found(nlp, "A study", abstract).values()), abstract
    assert entity_key("AUC-100 metric") not in found(nlp, "A study", "We also develop an AUC-100 metric for the Atari domain.")  # a measure
    got = found(nlp, "A study", "We propose a novel few-shot learning method called meta-transfer learning which learns to adapt.")
    assert got[entity_key("meta-transfer learning")] == ("method", True) and got.get(entity_key("few-shot learning"), ("task", False))[1] is False


# --- Round 16: method precision that generalises --------------------------------------------------


def test_no_method_from_a_sentence_that_gives_an_e_mail_address(nlp) -> None:
    abstract = (
        "We propose FooNet for face verification. "
        "Feng Wang1, 4, Xiang Xiang1 * Corresponding author (e-mail: xxiang@cs.jhu.edu), Trac D. Tran2, UESTC, USA"
    )
    got = found(nlp, "A study", abstract)
    assert got[entity_key("FooNet")][0] == "method"
    for name in ("Wang1", "Xiang1", "Tran2", "UESTC"):
        assert entity_key(name) not in got, name
    # "Recall@10" is no e-mail address: the sentence keeps its methods
    got = found(nlp, "A study", "FooNet reaches a Recall@10 of 0.9 on MovieLens, beating BarNet.")
    assert got[entity_key("BarNet")][0] == "method"


def test_a_unit_after_a_number_is_no_method(nlp) -> None:
    got = found(nlp, "A study", "Our detector FooNet runs at 6 FPS on a GPU and at over 20 FPS on 512 images.")
    assert got.get(entity_key("FPS"), ("metric",))[0] == "metric"
    assert got[entity_key("FooNet")][0] == "method"
    # a table row ("37.9 DSSPN [132]") and a count of things ("20, 000 CJK characters") keep their names
    got = found(nlp, "A study", "Baselines: ResNet-50 37.9 DSSPN [132] ResNet-101 39.1 OCRNet.")
    assert got[entity_key("DSSPN")][0] == "method"


def test_a_citation_key_with_a_two_digit_year_is_no_method(nlp) -> None:
    got = found(nlp, "A study", "We introduce a beam-search training scheme, based on the work of daume05learning, that extends seq2seq.")
    assert entity_key("daume05learning") not in got


def test_a_lowercase_proposal_of_a_measure_or_of_data_names_no_method(nlp) -> None:
    got = found(nlp, "A study", "To quantify its advantages, we introduce a memory capacity measure, the mean recurrent length.")
    assert entity_key("memory capacity measure") not in got or got[entity_key("memory capacity measure")][0] != "method"
    got = found(nlp, "A study", "We also propose a new dataset consisting of multi-sentence summaries.")
    assert not any(t == "method" for t, _ in got.values()), got
    # a nominal -ing ends a name; a participle that opens a clause ("consisting of") does not
    got = found(nlp, "A study", "FooNet proposes delayed subject conditioning in the denoising step.")
    assert got[entity_key("delayed subject conditioning")] == ("method", True)


def test_a_task_described_as_a_paradigm_or_architecture_is_no_method_name(nlp) -> None:
    got = found(nlp, "A study", "As proof of concept, we introduce the text-to-large image synthesis paradigm where we synthesize images.")
    assert got.get(entity_key("text-to-large image synthesis"), ("task",))[0] == "task"
    # without a generic tail the task-headed description stays the paper's method
    got = found(nlp, "A study", "Additionally, we propose decoupled error correction to further mitigate the accumulated errors.")
    assert got[entity_key("decoupled error correction")] == ("method", True)


def test_a_name_listed_after_a_multi_word_dataset_or_a_result_in_brackets_is_a_dataset(nlp) -> None:
    got = found(nlp, "A study", "The experiments on IJB-A, YouTube Face, Celebrity-1000 video face recognition benchmarks show gains.")
    assert got[entity_key("YouTube Face")][0] == "dataset"
    assert got[entity_key("Celebrity-1000")][0] == "dataset"
    got = found(nlp, "A study", "Our results match the state of the art on the MNIST (0.37% error) and NORB-small (2.2% error) databases.")
    assert got[entity_key("NORB-small")][0] == "dataset"


def test_an_x_to_y_adjective_takes_the_model_noun_it_qualifies(nlp) -> None:
    got = found(nlp, "A study", "Our classifier improves neural sequence-to-sequence models for generating questions.")
    assert got[entity_key("sequence-to-sequence model")][0] == "method"
    assert entity_key("sequence-to-sequence") not in got
    got = found(nlp, "A study", "We train with sequence-to-sequence learning on long texts.")
    assert entity_key("sequence-to-sequence model") not in got


def test_a_title_name_drops_a_generic_tail_the_abstract_leaves_off(nlp) -> None:
    title = "A C-LSTM Neural Network for Text Classification"
    got = found(nlp, title, "We propose C-LSTM for sentence representation. C-LSTM utilizes a CNN to extract phrases.")
    assert got[entity_key("C-LSTM")] == ("method", True)
    assert entity_key("C-LSTM Neural Network") not in got
    # the tail stays when it is part of the name
    got = found(nlp, "Matching Networks for One Shot Learning", "Matching Networks map a small labelled support set to a classifier.")
    assert got[entity_key("Matching Networks")][0] == "method"


# --- Round 17: the paper's own method from signals of how the abstract treats it --------------------


def test_an_acronym_definition_that_a_proposal_verb_takes_is_the_papers_method(nlp) -> None:
    got = found(nlp, "A study", "We address these issues by introducing the Stack-augmented Parser-Interpreter Neural Network (SPINN), "
                "which combines parsing and interpretation.")
    assert got[entity_key("Stack-augmented Parser-Interpreter Neural Network")] == ("method", True)
    got = found(nlp, "A study", "Our contributions: (a) a fast detector; (b): propose a landmark retracing network (LRN) to trace back landmarks.")
    assert got[entity_key("landmark retracing network")] == ("method", True)
    got = found(nlp, "A study", "The Domain Transfer Network (DTN) we present employs a compound loss function.")
    assert got[entity_key("Domain Transfer Network")] == ("method", True)
    # a participle before the name cites it; a definition in a sentence that only uses it stays used
    got = found(nlp, "A study", "Delays are learned with the recently proposed Dilated Convolution with Learnable Spacings (DCLS).")
    assert got[entity_key("Dilated Convolution with Learnable Spacings")] == ("method", False)
    got = found(nlp, "A study", "The successful x-vector architecture is a Time Delay Neural Network (TDNN) that applies statistics pooling.")
    assert got[entity_key("Time Delay Neural Network")] == ("method", False)


# --- Round 17 (methods): method mentions that generalise ------------------------------------------


def test_a_listed_multi_word_method_written_as_a_compound_modifier_is_found(nlp) -> None:
    got = found(nlp, "A study", "We experiment with fully-convolutional networks and region-based models.")
    assert got[entity_key("fully convolutional network")][0] == "method"
    got = found(nlp, "A study", "Traditional sparse-coding-based SR methods can be viewed as a deep network.")
    assert got[entity_key("sparse coding")][0] == "method"
    # a two-word name hyphenated before a noun modifies it: "a beam-search decoder" is no beam search
    got = found(nlp, "A study", "Translations are produced by means of a beam-search decoder.")
    assert entity_key("beam search") not in got


def test_established_losses_augmentations_and_classic_models_are_listed_methods(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Inspired by the hinge loss and trained with deep supervision, random cropping and back-translation, "
        "our model beats factorization machines and a Kalman filter.",
    )
    for name in ("hinge loss", "deep supervision", "random cropping", "back-translation", "factorization machine", "Kalman filter"):
        assert got[entity_key(name)][0] == "method", name


def test_a_name_given_a_value_is_a_metric_not_a_method(nlp) -> None:
    got = found(nlp, "A study", "Plugging FooSampler into F-PNDM yields a FAD=3.88 on CIFAR-10.")
    assert got[entity_key("FAD")][0] == "metric"
    got = found(nlp, "A study", "FooNet reaches 75.72 (M2) on CoNLL-2014 and 62.42 (GLEU) on the JFLEG test set.")
    assert got[entity_key("GLEU")][0] == "metric"
    got = found(nlp, "A study", "Our ranker gives over 13% and 35% MAP improvements over the BM25 model.")
    assert got[entity_key("MAP")][0] == "metric"
    # a count in brackets is no value of the name: "Table 3 (FooNet)" keeps the method
    got = found(nlp, "A study", "As Table 3 (FooNet) shows, FooNet is fast.")
    assert got[entity_key("FooNet")][0] == "method"


def test_recent_models_are_listed_methods_and_keep_their_version(nlp) -> None:
    got = found(nlp, "A study", "Our sampler improves EDM-2 and latent consistency models, and beats Stable Video Diffusion on UCF-101.")
    for name in ("EDM-2", "latent consistency model", "Stable Video Diffusion"):
        assert got[entity_key(name)][0] == "method", name


# --- Round 18 (tasks): task phrases of modern abstracts ---------------------------------------------


def test_reasoning_is_a_task_only_with_what_it_reasons_about(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Models lack structured reasoning and concise reasoning. FooAgent performs hierarchical adaptive reasoning "
        "and improves temporal reasoning, multimodal medical reasoning and agent-based scientific reasoning.",
    )
    for name in ("structured reasoning", "concise reasoning", "hierarchical adaptive reasoning", "agent-based scientific reasoning"):
        assert entity_key(name) not in got, name
    for name in ("temporal reasoning", "multimodal medical reasoning", "scientific reasoning"):
        assert got[entity_key(name)][0] == "task", name


def test_a_task_head_after_a_clause_makes_no_task(nlp) -> None:
    got = found(nlp, "A study", "We find that context-aware embedding methods boost retrieval, and study speaker traits recognition.")
    assert not any("boost" in key for key in got)
    assert got[entity_key("speaker traits recognition")][0] == "task"  # a plural noun right before the head is a modifier


def test_a_task_phrase_that_goes_on_after_of_is_no_task_name(nlp) -> None:
    got = found(nlp, "Machine Understanding of Scientific Language", "It enables controlled generation of diverse test samples.")
    for name in ("Machine Understanding", "controlled generation"):
        assert entity_key(name) not in got, name
    got = found(nlp, "A study", "The zero-shot classification of an image picks the label with the highest score.")
    assert got[entity_key("zero-shot classification")][0] == "task"


def test_an_acronym_long_form_the_title_names_as_its_purpose_is_the_task(nlp) -> None:
    got = found(
        nlp,
        "Evolving Heuristic Policies for Traffic Signal Control",
        "Traffic Signal Control (TSC) involves a trade-off. Our policies improve TSC in many cities.",
    )
    assert got[entity_key("Traffic Signal Control")][0] == "task"
    # a learning paradigm the title is "for" stays a method
    got = found(nlp, "Provable Training for Graph Contrastive Learning", "Graph Contrastive Learning (GCL) learns node embeddings.")
    assert got[entity_key("Graph Contrastive Learning")][0] == "method"


def test_procedures_and_generic_words_of_the_task_list_are_no_tasks(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We apply Multi-Agent Reinforcement Learning (MARL), prompt engineering and conformal prediction to energy management "
        "and measure fairness on 45 Atari games.",
    )
    for name in ("Multi-Agent Reinforcement Learning", "prompt engineering", "conformal prediction"):
        assert got[entity_key(name)][0] == "method", name
    assert entity_key("management") not in got and entity_key("fairness") not in got
    assert got[entity_key("Atari")][0] == "dataset" and entity_key("Atari games") not in got


def test_a_known_task_in_a_list_of_tasks_takes_its_modifiers(nlp) -> None:
    got = found(nlp, "A study", "We study adversarial claim generation, dense human pose estimation and speech recognition.")
    assert got[entity_key("dense human pose estimation")][0] == "task"
    # a modifier coordinated with another modifier shares the head: "1D and 2D image classification"
    got = found(nlp, "A study", "We evaluate on 1D and 2D image classification.")
    assert got[entity_key("image classification")][0] == "task"


def test_a_task_phrase_the_title_reaches_its_goal_through_is_a_method(nlp) -> None:
    got = found(nlp, "Zero-Shot Contextual Embeddings via Offline Synthetic Corpus Generation", "We present ZEST.")
    assert got[entity_key("Offline Synthetic Corpus Generation")][0] == "method"


def test_an_acronym_for_a_way_of_reasoning_is_a_method(nlp) -> None:
    got = found(nlp, "A study", "We study chain-of-thought reasoning (CoTR) on math. CoTR helps.")
    assert got[entity_key("chain-of-thought reasoning")][0] == "method"
    got = found(nlp, "A study", "We study commonsense reasoning (CR). CR is hard.")
    assert got[entity_key("commonsense reasoning")][0] == "task"


def test_an_activity_the_title_says_the_work_is_for_is_the_task(nlp) -> None:
    got = found(nlp, "Agentic AI Framework for Smart Inventory Replenishment", "We suggest an agentic AI model for retail.")
    assert got[entity_key("Smart Inventory Replenishment")][0] == "task"
    got = found(nlp, "A Benchmark for Assessing Insight Discovery in Data Agents", "We release a benchmark.")
    assert got[entity_key("Insight Discovery")][0] == "task"
    # a training paradigm or a method the title is "for" is no task
    got = found(nlp, "Delayed Shrinking for Faster Once-For-All Training", "We study training.")
    assert not any(v[0] == "task" for v in got.values())


# --- Round 18 (methods and proposals): modern abstracts (LLMs, agents, reasoning) -------------------


def test_agent_alignment_and_prompting_families_are_listed_methods(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We compare a multi-agent system trained with multi-agent reinforcement learning and a replay buffer "
        "against constitutional AI, self-refinement, conformal prediction and prompt engineering.",
    )
    for name in ("multi-agent system", "multi-agent reinforcement learning", "replay buffer", "constitutional AI",
                 "self-refinement", "conformal prediction", "prompt engineering"):
        assert got[entity_key(name)][0] == "method", name


def test_a_listed_method_that_ends_with_an_acronym_long_form_is_that_long_form(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "The paper presents an Agentic Artificial Intelligence (AI) model for meal planning. The AI model is fast.",
    )
    assert got[entity_key("Agentic Artificial Intelligence")][0] == "method"
    assert entity_key("Artificial Intelligence") not in got


def test_a_name_the_paper_proposes_and_calls_a_method_is_no_dataset(nlp) -> None:
    # ZEST is also a Papers with Code dataset; "-Eval" names look like benchmarks
    got = found(nlp, "A study", "We present ZEST, a zero-shot contextual adaptation framework. ZEST is fast on MTEB.")
    assert got[entity_key("ZEST")] == ("method", True)
    got = found(nlp, "A study", "We propose AutoEvoEval, an evolution-based evaluation framework. AutoEvoEval is general.")
    assert got[entity_key("AutoEvoEval")] == ("method", True)
    # a data word in the apposition keeps a benchmark a dataset
    got = found(nlp, "A study", "We introduce FooBench, a new benchmark suite of reasoning tasks. FooBench is hard.")
    assert got[entity_key("FooBench")][0] == "dataset"


def test_an_acronym_defined_as_a_new_or_listed_part_of_the_contribution_is_proposed(nlp) -> None:
    got = found(nlp, "A study", "Our method is grounded in a novel Compatibility-Aware Parameter Splicing (CAPS) strategy.")
    assert got[entity_key("Compatibility-Aware Parameter Splicing")] == ("method", True)
    got = found(
        nlp,
        "A study",
        "The framework introduces two key modules: (1) Structured State Abstraction (SSA), converting traffic data into facts; "
        "and (2) Credit Assignment Feedback (CAF), tracing flawed decisions.",
    )
    assert got[entity_key("Structured State Abstraction")] == ("method", True)
    assert got[entity_key("Credit Assignment Feedback")] == ("method", True)
    # an acronym defined in a list of what others did is only used
    got = found(nlp, "A study", "Prior work uses (1) Deep Reinforcement Learning (DRL) and (2) heuristics.")
    assert got[entity_key("Deep Reinforcement Learning")] == ("method", False)


def test_an_acronym_plural_written_apart_from_its_definition_is_the_same_entity(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t",
        title="Graft: parameter synergy for MLLMs",
        abstract="Multimodal Large Language Models (MLLMs) succeed. Yet domain-specific MLLMs--such as math models--fail.",
    )], nlp)
    methods = [e for e in paper.entities if e.type.value == "method" and entity_key("MLLM") in {entity_key(n) for n in (e.name, *e.aliases)}]
    assert len(methods) == 1, methods


def test_a_known_family_the_title_offers_as_a_framework_is_proposed(nlp) -> None:
    got = found(nlp, "Agentic AI Framework for Smart Inventory Replenishment", "We suggest an agentic AI model that monitors stock.")
    assert got[entity_key("agentic AI")] == ("method", True)
    # a family the title only applies, or offers as several architectures, stays used
    got = found(nlp, "Convolutional Neural Network Architectures for Matching Sentences", "We use a convolutional neural network.")
    assert got[entity_key("convolutional neural network")] == ("method", False)
    got = found(nlp, "Convolutional Neural Networks for Sentence Classification", "We train a convolutional neural network.")
    assert got[entity_key("convolutional neural network")] == ("method", False)


def test_a_bracketed_name_closing_the_proposal_object_is_proposed(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "In this paper, we propose a novel Multi-Modal Scene Graph with Kolmogorov-Arnold Expert Network for "
        "Audio-Visual Question Answering (SHRIKE). SHRIKE is accurate.",
    )
    assert got[entity_key("SHRIKE")] == ("method", True)
    # a bracket after a clause of its own is no name of the proposal
    text = "We propose a detector that improves on prior work (FOOBAR)."
    assert not bracketed_proposal(text, text.index("FOOBAR"), text.index("FOOBAR") + 6, 0)


def test_a_bracketed_short_name_that_spells_no_acronym_joins_the_proposed_method(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t",
        title="A study",
        abstract="In this paper, we propose the Multi-Layered Self-Reflection with Auto-Prompting (MAPS) framework. "
        "MAPS employs an iterative refinement process.",
    )], nlp)
    methods = [e for e in paper.entities if e.type.value == "method"]
    maps = [e for e in methods if entity_key("MAPS") in {entity_key(n) for n in (e.name, *e.aliases)}]
    assert len(maps) == 1 and maps[0].proposed and entity_key(maps[0].name) == entity_key("Multi-Layered Self-Reflection with Auto-Prompting")
    # the short name may be found only in the title
    (paper,) = extract_papers([Paper(
        id="t",
        title="L0: Reinforcement Learning to Become General Agents",
        abstract="To address this, we introduce L-Zero (L0), a scalable, end-to-end training pipeline for agents.",
    )], nlp)
    methods = [e for e in paper.entities if e.type.value == "method" and entity_key("L0") in {entity_key(n) for n in (e.name, *e.aliases)}]
    assert len(methods) == 1 and methods[0].proposed, methods


def test_an_acronym_whose_short_form_reports_results_is_a_method_not_a_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We explore world-model internalization through efficient interaction and active reasoning (WMAct), which "
        "frees the model. Our experiments on Sokoban show that WMAct yields effective world model reasoning.",
    )
    assert got[entity_key("world-model internalization through efficient interaction and active reasoning")] == ("method", True)
    # a task defined with its acronym stays a task
    got = found(nlp, "A study", "We study visual question answering (VQA). Our model improves VQA accuracy.")
    assert got[entity_key("visual question answering")][0] == "task"


def test_an_acronym_long_form_the_title_is_for_is_a_task(nlp) -> None:
    got = found(
        nlp,
        "Evolutionary Discovery of Heuristic Policies for Traffic Signal Control",
        "Traffic Signal Control (TSC) involves a trade-off. We propose FooEvo for TSC.",
    )
    assert got[entity_key("Traffic Signal Control")][0] == "task"
    # and so is one the title reaches through its means ("X via Y")
    got = found(
        nlp,
        "Towards Scalable Automated Thematic Analysis (TA) via Multi-Agent Large Language Models",
        "Thematic Analysis (TA) is slow. We automate TA with agents.",
    )
    assert got[entity_key("Thematic Analysis")][0] == "task"
    # a learning setting the title's method serves stays a method
    got = found(
        nlp,
        "Adaptive Augmentation for Graph Contrastive Learning",
        "Graph Contrastive Learning (GCL) learns node representations. We propose FooAug for GCL.",
    )
    assert got[entity_key("Graph Contrastive Learning")][0] == "method"


def test_a_mixed_case_short_form_spelling_a_method_with_its_function_words_is_that_method(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t",
        title="AgriCoT: A Chain-of-Thought Benchmark for Farming",
        abstract="We build a benchmark of Chain-of-Thought traces. Models given CoT traces reason better.",
    )], nlp)
    names = [e.name for e in paper.entities if e.type.value == "method"]
    assert entity_key("CoT") not in {entity_key(n) for n in names}, names


def test_a_method_named_by_another_methods_alias_is_that_method(nlp) -> None:
    (paper,) = extract_papers([Paper(
        id="t",
        title="A study",
        abstract="Sparse Autoencoders (SAEs) probe models. We present a novel SAE-based architecture for text classification.",
    )], nlp)
    keys = [{entity_key(n) for n in (e.name, *e.aliases)} for e in paper.entities if e.type.value == "method"]
    assert sum(entity_key("SAE") in k for k in keys) == 1, keys
# --- Round 18 (metrics and datasets): outcomes, measures and benchmarks of modern abstracts -------


def test_a_named_quantity_that_a_reported_result_changes_is_a_metric(nlp) -> None:
    got = found(nlp, "A study", "Results show that DQN reduces electricity costs by 14.2%, and the agents achieve the lowest "
                "peak hour demand. Our findings indicate a reduction of inventory holding costs and an improvement in "
                "product mix turnover, and the system enhances forecast reliability, critical success index and warning "
                "lead time compared to the baseline models.")
    for name in ("electricity cost", "peak hour demand", "inventory holding cost", "product mix turnover",
                 "critical success index", "warning lead time"):
        assert got[entity_key(name)][0] == "metric", name
    # the same quantity written twice is one metric, named by its shorter form
    got = found(nlp, "A study", "Our method reduces electricity costs by 14.2% and increases electricity revenue by 7%, "
                "which results in increased electricity selling revenue over the baselines.")
    assert entity_key("electricity revenue") in got and entity_key("electricity selling revenue") not in got
    # not a result (a problem, a mechanism, a superlative that only describes) or no named quantity
    got = found(nlp, "A study", "Network congestions can greatly increase the waiting time for GPUs. Zero-shot "
                "classification proceeds by finding the label yielding the highest joint compatibility score. "
                "To improve both efficiency and accuracy, we reduce costs by 3%.")
    for name in ("waiting time", "joint compatibility score", "both efficiency", "costs"):
        assert entity_key(name) not in got, name
    # a second change in the list is read from its own cue
    got = found(nlp, "A study", "Experiments show it improves sample efficiency and reduces memory usage by 40%.")
    assert got[entity_key("memory usage")][0] == "metric" and entity_key("reduces memory usage") not in got


def test_precision_naming_a_field_is_no_metric(nlp) -> None:
    got = found(nlp, "A study", "VLMs offer applications such as precision farming and precision medicine; we report precision of 91%.")
    assert got.get(entity_key("precision"), ("",))[0] == "metric"
    got = found(nlp, "A study", "VLMs offer applications such as precision farming and crop monitoring.")
    assert entity_key("precision") not in got


def test_data_a_method_generated_is_named_by_no_dataset(nlp) -> None:
    got = found(nlp, "TaP: A Framework for Preference Data Generation",
                "We employ TaP-generated datasets to perform supervised fine-tuning, and test on GAN-generated data.")
    assert got.get(entity_key("TaP-generated"), ("method",))[0] == "method"
    assert got.get(entity_key("TaP"), ("method",))[0] == "method"
    assert entity_key("GAN-generated") not in got


# --- Round 19 (metrics and datasets): kinds seen in two or more annotators' arXiv dev files ----------


def test_a_time_metric_naming_a_phase_or_modifying_a_noun_is_no_metric(nlp) -> None:
    got = found(nlp, "A study", "Agents interact with runtime environments and receive distributed runtime feedback. "
                "Test-time scaling improves outputs at inference time by performing extra computation; results improve by 3%.")
    assert entity_key("runtime") not in got and entity_key("inference time") not in got
    # a measured time stays a metric
    got = found(nlp, "A study", "Our scheme yields a 16% improvement in runtime over the baseline and reduces inference time by 2x.")
    assert got[entity_key("runtime")][0] == "metric"
    assert got[entity_key("inference time")][0] == "metric"


def test_a_gap_or_violations_a_result_reduces_is_a_metric(nlp) -> None:
    got = found(nlp, "A study", "Our results show that FUT substantially reduces the faithfulness gap. Experiments "
                "demonstrate that NSAM improves sample efficiency while substantially reducing constraint violations.")
    assert got[entity_key("faithfulness gap")][0] == "metric"
    assert got[entity_key("constraint violations")][0] == "metric"
    # not where no result is reported
    got = found(nlp, "A study", "Prior work tries to reduce the generalization gap of deep networks.")
    assert entity_key("generalization gap") not in got


def test_a_dataset_followed_by_its_version_is_that_version(nlp) -> None:
    got = found(nlp, "A study", "We evaluate the model on the established MUSIC-AVQA and MUSIC-AVQA v2 benchmarks, and "
                "achieve the best trade-off on the video-SALMONN 2 testset.")
    for name in ("MUSIC-AVQA", "MUSIC-AVQA v2", "video-SALMONN 2"):
        assert got[entity_key(name)][0] == "dataset", name
    assert entity_key("video-SALMONN") not in got
    # a bare number is a version only before a data word
    got = found(nlp, "A study", "We evaluate on SVHN 10 times and report the accuracy.")
    assert entity_key("SVHN 10") not in got


def test_an_acronym_long_form_named_as_a_measure_is_a_metric(nlp) -> None:
    got = found(nlp, "A study", "Statistics were collected using established evaluation metrics, including Tokens Per "
                "Sentence (TPS) and Relative Tokenization Cost (RTC). Our model surpasses the prior model by 8.41% in "
                "Generation Evaluation (G-E) score.")
    for name in ("Tokens Per Sentence", "Relative Tokenization Cost", "Generation Evaluation"):
        assert got[entity_key(name)][0] == "metric", name
    # an acronym a method list defines stays a method
    got = found(nlp, "A study", "We compare baselines, including Support Vector Machines (SVM) and Random Forests (RF).")
    assert got[entity_key("Support Vector Machines")][0] == "method"




# --- Round 19 (proposed methods): parts and means of the paper's own method in modern abstracts --------


def _proposed_by_key(nlp, title: str, abstract: str) -> dict[str, bool]:
    """entity key (name and aliases) -> proposed, for the methods of one paper."""
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    return {entity_key(n): e.proposed for e in paper.entities if e.type.value == "method" for n in (e.name, *e.aliases)}


def test_a_name_with_a_short_form_listed_where_the_paper_introduces_parts_is_proposed(nlp) -> None:
    got = _proposed_by_key(
        nlp,
        "A study of embeddings",
        "We propose a novel training framework named Sequential Embedding Compression (SEC). This framework introduces "
        "the Adaptive Dimension Selection (ADS) module to reduce information loss during pruning, and the Selectable "
        "Cross-batch Memory (S-XBM) module to enhance learning. We also design two intervention approaches: "
        "Slow-to-Fast (S2F) adaptive reasoning and Think-to-Match (T2M) shortcut prevention.",
    )
    assert got[entity_key("Adaptive Dimension Selection")] is True
    assert got[entity_key("S-XBM")] is True and got[entity_key("S2F")] is True
    # a means the paper leverages, or the field its method is for, is no part of it
    got = _proposed_by_key(
        nlp,
        "A study of recommendation",
        "We propose to leverage three transformation methods, i.e., tensor gating machines (TGMs). "
        "We introduce a new exploration algorithm for reinforcement learning (RL) that is cheap.",
    )
    assert got.get(entity_key("tensor gating machines")) is not True
    assert got.get(entity_key("reinforcement learning")) is not True


def test_a_task_headed_means_in_the_title_is_the_papers_proposed_method(nlp) -> None:
    got = _proposed_by_key(nlp, "Zero-Shot Contextual Embeddings via Offline Synthetic Corpus Generation", "We present ZEST, a framework.")
    assert got[entity_key("Offline Synthetic Corpus Generation")] is True
    got = _proposed_by_key(nlp, "FooLabel: Active Learning for Entity Recognition using Demonstration Retrieval", "We propose FooLabel.")
    assert got[entity_key("Demonstration Retrieval")] is True



# --- Round 20 (title tasks): the task a modern title names ------------------------------------------


def test_a_title_purpose_with_a_task_word_inside_is_the_task(nlp) -> None:
    abstract = "We present a method and evaluate it on two benchmarks."
    assert found(nlp, "FooNet: Hierarchical Agent Trees for Long-Horizon Task Planning", abstract)[entity_key("Long-Horizon Task Planning")][0] == "task"
    assert found(nlp, "BarKit: Rethinking Sparse Codes for Retrieval Index Compression", abstract)[entity_key("Retrieval Index Compression")][0] == "task"
    assert found(nlp, "BazLM: Piecing Together Scenes for Multimodal Multi-chart Reasoning", abstract)[entity_key("Multimodal Multi-chart Reasoning")][0] == "task"
    # a reasoning with no domain, or a pronoun, names no activity
    assert entity_key("Evaluating Reasoning") not in found(nlp, "QuxBench: A Benchmark for Evaluating Reasoning in Vision Models", abstract)
    assert entity_key("Understanding Anything") not in found(nlp, "Omni-Foo: Model Coordination for Understanding Anything", abstract)


def test_a_title_lead_activity_done_with_some_means_is_the_task(nlp) -> None:
    abstract = "We propose a new approach and show that it lowers costs."
    got = found(nlp, "Grid-Level Energy Balancing in Rural Microgrids using Multi-Agent Reinforcement Learning", abstract)
    assert got[entity_key("Grid-Level Energy Balancing")] == ("task", False)
    got = found(nlp, "Contextual Slot Tagging with a Bidirectional Recurrent Model", abstract)
    assert got[entity_key("Contextual Slot Tagging")][0] == "task"
    # a title lead without a means stays the paper's method
    got = found(nlp, "Gradient Flow Balancing for Straggler Mitigation", abstract)
    assert got[entity_key("Gradient Flow Balancing")] == ("method", True)


def test_a_task_headed_phrase_after_with_in_the_title_is_a_means(nlp) -> None:
    abstract = "We study how assistants answer questions."
    got = found(nlp, "Aligning Assistants for the Classroom with Curriculum-Based Retrieval", abstract)
    assert got.get(entity_key("Curriculum-Based Retrieval"), ("method",))[0] == "method"
    got = found(nlp, "Beyond Single Vectors: Capturing Diverse Targets with Multi-Vector Retrieval", abstract)
    assert got.get(entity_key("Multi-Vector Retrieval"), ("method",))[0] == "method"


def test_a_sentence_case_title_purpose_is_the_task(nlp) -> None:
    abstract = "We present a method and evaluate it on two benchmarks."
    got = found(nlp, "Towards transparent planning support using hybrid neural models for container yard scheduling", abstract)
    assert got[entity_key("container yard scheduling")][0] == "task"
    # what the work is for must still name an activity (the learned spotter may read such a phrase; this rule does not)
    (paper,) = extract_papers(
        [Paper(id="t", title="Towards transparent planning support using hybrid neural models for container yards", abstract=abstract)], nlp
    )
    assert not [e for e in paper.entities if e.rule == "cue:title-purpose"]


# --- Round 20 (metrics and datasets) -------------------------------------------------------------------


def _typed(nlp, title: str, abstract: str) -> list[tuple[str, str]]:
    """(type, entity key) of every entity of one paper (a name may have two types)."""
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    return [(e.type.value, entity_key(e.name)) for e in paper.entities]


def test_distances_agreement_and_serving_measures_are_metrics(nlp) -> None:
    got = found(nlp, "A study", "We compare the embeddings by cosine similarity and Hamming distance, and the server cuts "
                "TTFT by 40% while raising throughput.")
    for name in ("cosine similarity", "Hamming distance", "TTFT"):
        assert got[entity_key(name)][0] == "metric", name


def test_a_name_that_ends_in_a_measure_is_a_metric(nlp) -> None:
    got = found(nlp, "A study", "Among the detection metrics, particularly FooScore, work best; fine-tuning gains +3.2 "
                "d-BLEU points, and we report ROUGE and BERT-score.")
    for name in ("FooScore", "d-BLEU", "BERT-score"):
        assert got[entity_key(name)][0] == "metric", name
    assert entity_key("BERT") not in got  # "BERT-score" is no version of BERT
    # a model version stays a method
    got = found(nlp, "A study", "We fine-tune BERT-large and compare with RoBERTa-base.")
    assert got[entity_key("BERT-large")][0] == "method"


def test_a_measure_named_with_what_it_measures_keeps_that_word(nlp) -> None:
    got = found(nlp, "A study", "Our model reaches state-of-the-art in-domain accuracy, gains 5% in retrieval precision, "
                "achieves a 70% exact match rate and improves the KV cache hit rate.")
    for name in ("in-domain accuracy", "retrieval precision", "exact match rate", "KV cache hit rate"):
        assert got[entity_key(name)][0] == "metric", name
    assert entity_key("accuracy") not in got and entity_key("precision") not in got
    # an adjective before a success rate, or a tagging accuracy, is no part of the name
    got = found(nlp, "A study", "Both systems reach similar success rates, and the POS tagging accuracy is 97%.")
    assert entity_key("similar success rates") not in got
    assert entity_key("POS tagging accuracy") not in got


def test_a_name_the_paper_has_as_data_is_no_method_where_only_its_shape_said_method(nlp) -> None:
    got = _typed(nlp, "FooQA: A Benchmark for Scientific Question Answering",
                 "We release FooQA. FooQA comprises 5,000 questions, and FooQA remains hard for all models.")
    assert ("dataset", entity_key("FooQA")) in got and ("method", entity_key("FooQA")) not in got
    got = _typed(nlp, "A study", "We score the texts with ROUGE and BERT-score. BERTscores of the baselines are lower.")
    assert ("metric", entity_key("BERT-score")) in got and ("method", entity_key("BERTscores")) not in got
    # a name the paper proposes as its method keeps that type
    got = _typed(nlp, "FooNet: A Network for Segmentation", "We propose FooNet, a network. FooNet beats baselines.")
    assert ("method", entity_key("FooNet")) in got


# --- Round 20 (task precision): activities inside a method description are no tasks ------------------


def test_a_task_phrase_opened_by_a_quality_or_manner_adjective_is_no_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Models aim at richer understanding and rigorous verification, and routes queries for quick fact retrieval. "
        "We evaluate on sentiment classification.",
    )
    for name in ("richer understanding", "rigorous verification", "quick fact retrieval", "fact retrieval"):
        assert entity_key(name) not in got, name
    assert got[entity_key("sentiment classification")][0] == "task"



def test_a_task_word_before_a_pipeline_plan_or_corpus_only_modifies_it(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "We curate tool-integrated verification trajectories and an agentic data generation pipeline, and build a "
        "retrieval corpus; the model then handles speech recognition.",
    )
    for name in ("tool-integrated verification", "agentic data generation", "data generation"):
        assert entity_key(name) not in got, name
    assert got[entity_key("speech recognition")][0] == "task"


def test_a_task_word_after_a_based_or_aware_modifier_is_a_way_to_do_the_task(nlp) -> None:
    got = found(nlp, "A study", "The baselines are vector-based retrieval and logic-aware retrieval, evaluated on question answering.")
    assert got[entity_key("vector-based retrieval")][0] == "method"
    assert entity_key("logic-aware retrieval") not in got and entity_key("retrieval") not in got  # a property of the step
    assert got[entity_key("question answering")][0] == "task"


def test_benchmark_subjects_and_model_families_in_the_task_list_are_no_tasks(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Merging recovers general knowledge and clinical knowledge; agents must navigate large codebases. "
        "We select examples using Determinantal Point Processes and evaluate on relation extraction.",
    )
    for name in ("general knowledge", "clinical knowledge", "navigate"):
        assert entity_key(name) not in got, name
    assert got[entity_key("Determinantal Point Processes")][0] == "method"
    assert got[entity_key("relation extraction")][0] == "task"


# --- Round 21 (title proposals): methods the title names without a colon-prefix name ----------------


def test_the_title_subject_of_an_effect_verb_is_the_proposed_method(nlp) -> None:
    got = found(nlp, "Layered Rehearsal Improves Recall in Small Robots", "We study robots. Rehearsal helps them.")
    assert got[entity_key("Layered Rehearsal")] == ("method", True)
    got = found(nlp, "Robot Memory: Gated Rehearsal Enables Long-Horizon Recall", "We study robots.")
    assert got[entity_key("Gated Rehearsal")] == ("method", True)
    # a name opening the subject is the method; a question or a known family proposes nothing
    got = found(nlp, "ZORB Signals Elicit Better Planning in Robots", "We introduce ZORB. ZORB signals help.")
    assert got[entity_key("ZORB")] == ("method", True) and entity_key("ZORB Signals") not in got
    got = found(nlp, "Does Layered Rehearsal Improve Recall in Small Robots?", "We study robots.")
    assert got.get(entity_key("Layered Rehearsal"), ("method", False))[1] is False
    got = found(nlp, "Diffusion Models Improve Recall in Small Robots", "We study robots with diffusion models.")
    assert got[entity_key("Diffusion Models")] == ("method", False)


def test_coordinated_title_means_are_two_proposed_methods(nlp) -> None:
    got = found(nlp, "Robots Plan Routes Through Sparse Routing and Gated Replay", "We study robots.")
    assert got[entity_key("Sparse Routing")] == ("method", True)
    assert got[entity_key("Gated Replay")] == ("method", True)
    got = found(nlp, "Tabular Agents with Rule-Based and Vision-Based Reflection", "We study agents.")
    assert got[entity_key("Vision-Based Reflection")] == ("method", True)
    # a modifier shared by a one-word last conjunct ("Sparse Reads and Writes") is no method of its own
    got = found(nlp, "Scaling Memory Networks with Sparse Reads and Writes", "We study memory.")
    assert entity_key("Sparse Reads") not in got


# --- Round 21 (datasets) ------------------------------------------------------------------------------


def test_a_name_introduced_as_a_benchmark_is_a_dataset_and_a_clause_subject_after_a_data_word_is_not(nlp) -> None:
    got = _typed(nlp, "FooQA Plus: A Reliable Benchmark for Factuality",
                 "We introduce FooQA Plus, a 1,000-prompt benchmark for factuality. FooQA Plus is hard for all models.")
    assert ("dataset", entity_key("FooQA Plus")) in got and ("method", entity_key("FooQA Plus")) not in got
    got = _typed(nlp, "A study", "We introduce BarSet - a specialized benchmark for relation extraction.")
    assert ("dataset", entity_key("BarSet")) in got and ("method", entity_key("BarSet")) not in got
    # "given an objective and a dataset, Kosmos runs": the name opens the next clause, no apposition of the data word
    got = _typed(nlp, "A study", "Given an open-ended objective and a dataset, Zorblax runs for up to 12 hours.")
    assert ("dataset", entity_key("Zorblax")) not in got
    # a name the paper frames as a method keeps that type
    got = _typed(nlp, "A study", "We present ZEST, a zero-shot adaptation framework, and evaluate it on the MTEB benchmark.")
    assert ("method", entity_key("ZEST")) in got and ("dataset", entity_key("ZEST")) not in got


def test_a_language_or_kind_before_a_data_word_is_no_dataset_name(nlp) -> None:
    got = found(nlp, "A study", "We train on English corpora and Estonian data, build a bilingual English-Telugu dataset, "
                "and compare with existing Olympiad-level benchmarks and the WidgetQA dataset.")
    for name in ("English", "Estonian", "English-Telugu", "Olympiad-level"):
        assert entity_key(name) not in got, name
    assert got[entity_key("WidgetQA")][0] == "dataset"
    got = found(nlp, "A study", "We detect the constructions in the English CHILDES corpus.")
    assert got[entity_key("CHILDES")][0] == "dataset" and entity_key("English CHILDES") not in got


def test_a_track_split_or_edition_of_a_dataset_of_the_paper_is_a_dataset(nlp) -> None:
    got = _typed(nlp, "ZORP: A Hard Benchmark for Mathematical Reasoning",
                 "ZORP has two tracks. The first track, ZORP-N, has integer answers; the second, ZORP-P, has proofs.")
    assert ("dataset", entity_key("ZORP-N")) in got and ("dataset", entity_key("ZORP-P")) in got
    assert ("method", entity_key("ZORP-N")) not in got
    got = _typed(nlp, "Quokka: Evaluating Long Context Aggregation",
                 "We introduce Quokka, a benchmark of aggregation questions. Quokka is separated into two task sets: "
                 "Quokka-synth, a set of synthetic tasks, and Quokka-real.")
    assert ("dataset", entity_key("Quokka-synth")) in got and ("dataset", entity_key("Quokka-real")) in got
    # a description after the hyphen ("-based", "-generated") names no part of the data
    got = _typed(nlp, "ZORP: A Hard Benchmark for Mathematical Reasoning",
                 "We build ZORP-based tutors and ZORP-generated hints.")
    assert ("dataset", entity_key("ZORP-based")) not in got and ("dataset", entity_key("ZORP-generated")) not in got

# --- Round 21 (tasks) -------------------------------------------------------------------------------


def test_a_task_named_only_as_what_a_means_is_for_is_no_task(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "The tool relies on object detection algorithms and existing domain adaptation techniques. "
        "We evaluate on sentiment classification.",
    )
    for name in ("object detection", "domain adaptation"):
        assert entity_key(name) not in got, name
    assert got[entity_key("sentiment classification")][0] == "task"
    # the paper's own method for it names the paper's task; so does a mention without a means noun
    got = found(nlp, "A study", "We present FooNet, a generic object detection method that fuses images and points.")
    assert got[entity_key("object detection")][0] == "task"
    got = found(nlp, "A study", "Object detection models are slow. We speed up object detection on drones.")
    assert got[entity_key("object detection")][0] == "task"


def test_an_activity_noun_before_tasks_names_the_task(nlp) -> None:
    got = found(nlp, "A study", "We evaluate agents on game development tasks and on a morphological generalization task.")
    assert got[entity_key("game development")][0] == "task"
    assert got[entity_key("morphological generalization")][0] == "task"
    got = found(nlp, "A study", "Agents are good at resolving tasks and at evaluation tasks.")
    assert entity_key("resolving") not in got and entity_key("evaluation") not in got


# --- Round 21 (metrics): a number next to a noun phrase ------------------------------------------------


def test_a_quantity_a_result_changes_by_a_number_is_a_metric(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "Our method reduces the average number of model calls by about 69 percent and improves structural validity "
        "by up to 134%. The best model achieves an 8.8% improvement in engagement breadth and 19.4% in engagement "
        "depth, with instruction violations decreasing from 26.6% to 5.8%. It also improves performance by 5%.",
    )
    for name in ("number of model calls", "structural validity", "engagement breadth", "engagement depth", "instruction violations"):
        assert got.get(entity_key(name), ("",))[0] == "metric", name
    assert entity_key("performance") not in got  # vague on its own, number or not


def test_a_measure_after_a_percentage_is_a_metric(nlp) -> None:
    got = found(
        nlp,
        "A study",
        "The agent achieves a 61% goal success rate and 98.7% structural consistency with 10% labeled data. "
        "The tagger reaches 66% recall rate and 93.15% average tagging accuracy.",
    )
    assert got[entity_key("goal success rate")][0] == "metric"
    assert entity_key("success rate") not in got  # the longer name wins
    assert got[entity_key("structural consistency")][0] == "metric"
    assert entity_key("labeled data") not in got  # not headed by a measure word
    assert got[entity_key("recall")][0] == "metric" and entity_key("recall rate") not in got
    assert got[entity_key("accuracy")][0] == "metric" and entity_key("tagging accuracy") not in got


# --- Round 22 (metrics): the paper's own evaluation measure --------------------------------------------


def _types(nlp, abstract: str, title: str = "A study") -> dict[str, set[str]]:
    """entity key -> every type the paper has it as (a proposed measure is both a method and a metric)."""
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    out: dict[str, set[str]] = {}
    for e in paper.entities:
        out.setdefault(entity_key(e.name), set()).add(e.type.value)
    return out


def test_a_proposed_evaluation_measure_is_also_a_metric(nlp) -> None:
    got = _types(nlp, "We propose EXPERT, a reference-free evaluation metric that explains its scores.")
    assert got[entity_key("EXPERT")] == {"method", "metric"}
    got = _types(nlp, "Moreover, we propose a rubric-based sliding window evaluator, enabling robust assessment.")
    assert "metric" in got[entity_key("rubric-based sliding window evaluator")]
    got = _types(nlp, "For evaluation, we develop an Automated Rubric-based Evaluation Framework that scores responses.")
    assert "metric" in got[entity_key("Automated Rubric-based Evaluation")]
    got = _types(nlp, "We propose ZEST, a zero-shot adaptation framework for retrieval.")
    assert got[entity_key("ZEST")] == {"method"}
    # a method whose name only ends in "Evaluation" is no measure: the head must follow ("... Evaluation Framework")
    got = _types(nlp, "We propose Triage by Alignment Conflict Evaluation (TRACE), which re-aligns models.")
    assert all("metric" not in t for t in got.values()), got


# --- Round 23 (title glosses): a title phrase the prefix name abbreviates is the name's long form -------


def _methods(nlp, title: str, abstract: str) -> dict[str, tuple[str, tuple[str, ...], bool]]:
    """entity key -> (name, aliases, proposed) of the paper's methods."""
    (paper,) = extract_papers([Paper(id="t", title=title, abstract=abstract)], nlp)
    return {entity_key(e.name): (e.name, tuple(e.aliases), e.proposed) for e in paper.entities if e.type.value == "method"}


def test_a_title_gloss_the_name_abbreviates_is_its_alias(nlp) -> None:
    got = _methods(nlp, "AutoAdv: Automated Adversarial Prompting for Multi-Turn Jailbreaking of Large Language Models",
                   "We present AutoAdv, which attacks chat models over several turns.")
    assert got[entity_key("AutoAdv")] == ("AutoAdv", ("Automated Adversarial Prompting",), True)
    assert entity_key("Automated Adversarial Prompting") not in got  # one entity, not two
    got = _methods(nlp, "dParallel: Learnable Parallel Decoding for dLLMs",
                   "We propose dParallel, which speeds up sampling of diffusion language models.")
    assert got[entity_key("dParallel")][1] == ("Learnable Parallel Decoding",)
    got = _methods(nlp, "MoLoRAG: Bootstrapping Document Understanding via Multi-modal Logic-aware Retrieval",
                   "We propose MoLoRAG for answering questions over long documents.")
    assert got[entity_key("MoLoRAG")][1] == ("Multi-modal Logic-aware Retrieval",)
    # a method the name does not abbreviate stays its own entity ("SCoder": no part opens a word of it)
    got = _methods(nlp, "SCoder: Iterative Self-Distillation for Bootstrapping Small-Scale Data Synthesizers",
                   "We propose iterative self-distillation to train SCoder, a family of code models.")
    assert entity_key("iterative self-distillation") in got and got[entity_key("SCoder")][1] == ()


# --- Round 23 (datasets) ------------------------------------------------------------------------------


def test_plain_names_listed_after_an_evaluation_cue_are_datasets(nlp) -> None:
    got = found(nlp, "A study", "Our experiments on Zorbo, Quill, and Marrow show that the agent plans well. "
                "Experiments in two game environments, Gribble and Snark Tower, confirm it.")
    for name in ("Zorbo", "Quill", "Marrow", "Gribble", "Snark Tower"):
        assert got[entity_key(name)][0] == "dataset", name
    got = found(nlp, "A study", "We consider two case studies: Fenwick and Atari Seaquest.")
    assert got[entity_key("Fenwick")][0] == "dataset" and got[entity_key("Atari Seaquest")][0] == "dataset"
    # languages, settings and model families after the same cues are no environments
    got = found(nlp, "A study", "Experiments on English and German show gains. We run experiments on Zero and Few-Shot "
                "settings and on Llama and Qwen models.")
    for name in ("English", "German", "Zero", "Few-Shot"):
        assert entity_key(name) not in got or got[entity_key(name)][0] != "dataset", name
    assert all(got.get(entity_key(n), ("method",))[0] != "dataset" for n in ("Llama", "Qwen"))


# --- Round 24 (metrics) -------------------------------------------------------------------------------


def test_a_stage_cost_or_a_cost_per_unit_is_a_metric_without_a_reported_result(nlp) -> None:
    got = found(nlp, "A study", "The controller maximizes task quality while minimizing the overall inference cost. "
                "The merged model matches the specialists at only a fraction of the total training cost. "
                "It solves more problems with a comparable cost per query.")
    for name in ("inference cost", "training cost", "cost per query"):
        assert got.get(entity_key(name), ("",))[0] == "metric", name
    # plural costs are expenses, and a stage's time is a metric only near a reported result
    got = found(nlp, "A study", "Task-specific modeling often increases training costs. Training time grows with the model.")
    assert entity_key("training cost") not in got and entity_key("training time") not in got


def test_an_accuracy_the_paper_names_by_what_it_measures_is_that_metric(nlp) -> None:
    # written twice: the paper uses it as a term
    got = found(nlp, "A study", "We measure response accuracy on device control (86%). "
                "We discuss the trade-off between response accuracy and efficiency.")
    assert got[entity_key("response accuracy")][0] == "metric" and entity_key("accuracy") not in got
    # an acronym's accuracy in the title
    got = found(nlp, "Evaluation of SQL Accuracy in Production Systems", "We score generated queries from 0 to 100.")
    assert got[entity_key("SQL Accuracy")][0] == "metric"
    # once, a verb or a degree word before it, or a title word that only qualifies the plain accuracy: bare accuracy
    got = found(nlp, "Improving Calculation Accuracy", "Preserving factual accuracy matters. The model improves accuracy "
                "and near-perfect accuracy by 5%. It improves accuracy again.")
    assert entity_key("factual accuracy") not in got and entity_key("improves accuracy") not in got
    assert entity_key("calculation accuracy") not in got and got[entity_key("accuracy")][0] == "metric"


# --- Round 24 (datasets) ------------------------------------------------------------------------------


def test_a_title_prefix_glossed_as_benchmarking_is_a_dataset(nlp) -> None:
    got = _types(nlp, "We introduce QuillGym, an interactive environment for evaluating memory. QuillGym reveals gaps.",
                 title="QuillGym: Interactive Memory Benchmarking for Assistants in Long Conversations")
    assert "dataset" in got[entity_key("QuillGym")]
    # a gloss with no data word keeps the prefix a method
    got = _types(nlp, "We propose QuillNet for memory.", title="QuillNet: Interactive Memory Retrieval for Assistants")
    assert got[entity_key("QuillNet")] == {"method"}


def test_a_named_proposal_with_its_long_form_and_a_data_head_framed_as_data_is_a_dataset(nlp) -> None:
    got = _types(nlp, "We present ZORKA (Zonal Research on Kinetic Arithmetic) Benchmark -- a novel benchmark that "
                 "evaluates large language models on quantitative reasoning. ZORKA covers finance and physics.")
    assert "dataset" in got[entity_key("Zonal Research on Kinetic Arithmetic")]  # the long form names it, ZORKA its alias
    # the same form framed as a method stays a method
    got = _types(nlp, "We present ZORKA (Zonal Research on Kinetic Arithmetic), a novel framework that improves "
                 "large language models on quantitative reasoning.")
    assert got[entity_key("Zonal Research on Kinetic Arithmetic")] == {"method"}


def test_a_shared_task_a_system_paper_names_in_its_title_is_a_dataset(nlp) -> None:
    got = found(nlp, "Team Brill at ClinQuill: Summarising Clinical Documents with LLMs",
                "This paper presents the methodology we applied in the ClinQuill shared task for summarising "
                "clinical case documents.")
    assert got[entity_key("ClinQuill")][0] == "dataset"
    # without "shared task" the title's name is no dataset
    got = found(nlp, "Team Brill at ClinQuill: Summarising Clinical Documents with LLMs",
                "We apply ClinQuill to summarise clinical case documents.")
    assert entity_key("ClinQuill") not in got or got[entity_key("ClinQuill")][0] != "dataset"


def test_one_word_between_an_indefinite_article_and_a_data_head_is_a_kind_not_a_name(nlp) -> None:
    got = found(nlp, "What Makes a Good Quill-Agent Benchmark Task",
                "Quill-agent benchmarks have become a primary signal. We synthesize an ASCII-art dataset and use an "
                "extensive, expertly curated Ayurveda dataset.")
    for word in ("Quill-agent", "ASCII-art", "Ayurveda"):
        assert got.get(entity_key(word), ("none",))[0] != "dataset", word
    # a definite or new-named dataset, and a longer name after "a", stay datasets
    got = found(nlp, "A study", "We test on the Zorgle dataset, a new Fennic benchmark and a large-scale Cross-Age Face dataset.")
    for name in ("Zorgle", "Fennic", "Cross-Age Face"):
        assert got[entity_key(name)][0] == "dataset", name


# --- Round 25 (method precision) ----------------------------------------------------------------------


def test_an_acronym_long_form_headed_by_a_thing_place_or_body_is_no_method(nlp) -> None:
    got = found(nlp, "A study", "Agents operate Graphical User Interfaces (GUIs) and fly unmanned aerial vehicles (UAVs), "
                "using reports of the World Health Organization (WHO). We propose Gated Memory Routing (GMR) for them. "
                "GMR controls GUIs and UAVs.")
    for name in ("Graphical User Interface", "GUIs", "unmanned aerial vehicle", "UAVs", "World Health Organization", "WHO"):
        assert entity_key(name) not in got, name
    assert got[entity_key("Gated Memory Routing")] == ("method", True)  # a long form with no such head stays a method


def test_a_hyphenated_modifier_before_its_noun_is_no_method(nlp) -> None:
    got = found(nlp, "LLM-Assisted Rewriting of Reports", "We study LLM-simulated users and RL-trained judges for human-AI "
                "collaboration with single-GPU serving in a Robot-Centric framework with BERT-based encoders.")
    for name in ("LLM-Assisted", "LLM-simulated", "RL-trained", "human-AI", "single-GPU", "Robot-Centric"):
        assert entity_key(name) not in got, name
    assert got[entity_key("BERT")][0] == "method"
    # before a data word the compound names the data ("SWE-Verified benchmark")
    got = found(nlp, "A study", "We reach 87% on the SWE-Verified benchmark.")
    assert got[entity_key("SWE-Verified")][0] == "dataset"


def test_pdf_line_numbers_glued_to_words_are_blanked_keeping_offsets(nlp) -> None:
    from kg.extract.text import without_line_numbers

    abstract = ("Program synthesis is an effective1 way of solving prob-2 lems. The development of large language mod-3 "
                "els (LLMs) enables the generation of4 programs. Integrating LLMs with Monte5 Carlo Tree Search (MCTS) "
                "helps, but the6 search is narrow. Our Zephyr7 method widens it.")
    cleaned = without_line_numbers(abstract)
    assert len(cleaned) == len(abstract) and "problems" in cleaned and "models" in cleaned
    assert not any(ch.isdigit() for ch in cleaned)
    got = found(nlp, "A study", abstract)
    assert entity_key("Monte Carlo Tree Search") in got and entity_key("large language model") in got
    assert not any(any(ch.isdigit() for ch in key) for key in got), sorted(got)
    (paper,) = extract_papers([Paper(id="t", title="A study", abstract=abstract)], nlp)
    assert "Monte Carlo Tree Search" in {e.name for e in paper.entities}  # no double space left by the blanked number
    # numbers that are no run of line numbers stay
    text = "GPT-4 reaches top-1 accuracy on CIFAR-10 with Llama3 and ResNet50 in 5 runs."
    assert without_line_numbers(text) == text


def test_blanking_line_numbers_keeps_the_length_and_only_drops_characters() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.extract.text import without_line_numbers

    words = st.sampled_from(["word", "mod-", "els", "GPT-4", "and", "x", "-", ".", ",", "(LLMs)"])
    numbered = st.lists(words, min_size=1, max_size=30).map(
        lambda ws: " ".join(f"{w}{i}" for i, w in enumerate(ws, 1))  # a run of line numbers once 6+ words
    )

    @settings(max_examples=150, deadline=None)
    @given(st.one_of(numbered, st.text(alphabet="ab-.1 23\n", max_size=60)))
    def check(text: str) -> None:
        out = without_line_numbers(text)
        assert len(out) == len(text)
        kept = iter(c for c in text if not c.isspace())
        assert all(c in kept for c in out if not c.isspace())  # in order: characters only dropped, never added

    check()

# --- Round 25 (tasks) ---------------------------------------------------------------------------------


def test_a_task_listed_among_the_means_other_work_uses_is_no_task(nlp) -> None:
    got = found(nlp, "A study", "Existing solutions such as truncation or summarization lose information. "
                "Prior techniques, such as pruning, caching and summarization, are brittle.")
    assert got[entity_key("summarization")][0] == "method"
    # a list of tasks the paper evaluates on stays tasks
    got = found(nlp, "A study", "We evaluate on tasks such as summarization and machine translation.")
    assert got[entity_key("summarization")][0] == "task" and got[entity_key("machine translation")][0] == "task"


def test_a_task_word_before_effort_coverage_mechanism_procedure_execution_or_setting_only_modifies_it(nlp) -> None:
    got = found(nlp, "A study", "Our agent reduces the expert labeling effort. It keeps broad retrieval coverage, "
                "adds a feature generation mechanism, follows labeling procedures, avoids non-adaptive retrieval "
                "execution and tunes feature extraction settings.")
    for name in ("expert labeling", "broad retrieval", "feature generation", "labeling", "non-adaptive retrieval",
                 "feature extraction"):
        assert got.get(entity_key(name), ("",))[0] != "task", name
    # the same words as the paper's task stay tasks
    got = found(nlp, "A study", "We study feature extraction for wearable signals.")
    assert got[entity_key("feature extraction")][0] == "task"


def test_a_verb_after_to_it_we_or_have_does_not_open_a_task_phrase(nlp) -> None:
    got = found(nlp, "A study", "Prior work has evaluated conceptual understanding with probes. To measure evolved-state "
                "generation, we build a benchmark. Language models have revolutionized code generation.")
    assert got[entity_key("conceptual understanding")][0] == "task"
    assert got[entity_key("evolved-state generation")][0] == "task"
    for name in ("evaluated conceptual understanding", "measure evolved-state generation", "revolutionized code generation"):
        assert entity_key(name) not in got, name
    # after "has", only a participle is a verb: "has image classification" keeps its modifier
    got = found(nlp, "A study", "The suite has image classification as its main task.")
    assert got[entity_key("image classification")][0] == "task"


def test_a_task_phrase_right_after_a_verb_of_use_in_the_abstract_is_no_task(nlp) -> None:
    got = found(nlp, "A study", "Labels are refined using binary classification. The agent retrieves chunks through "
                "two-stage retrieval.")
    assert entity_key("binary classification") not in got and entity_key("two-stage retrieval") not in got
    # not before a task noun, and not in the title
    got = found(nlp, "Summaries via Keyphrase Extraction", "We evaluate using question answering tasks.")
    assert got[entity_key("question answering")][0] == "task"


def test_automated_or_fluent_generation_says_how_output_is_produced_and_is_no_task(nlp) -> None:
    got = found(nlp, "A study", "The toolkit enables automated generation of agents and automated synthesis. "
                "Models must do more than fluent generation.")
    for name in ("automated generation", "automated synthesis", "fluent generation"):
        assert entity_key(name) not in got, name
    # with its object the step is a task, and a title means stays the paper's method
    got = found(nlp, "Scaling Agents with Automated Generation", "We study automated code generation.")
    assert got[entity_key("automated code generation")][0] == "task"
    assert got[entity_key("Automated Generation")] == ("method", True)


# --- Round 26 (metric and dataset precision) ---------------------------------------------------------


def test_a_bare_measure_written_only_with_what_it_measures_is_not_the_bare_metric(nlp) -> None:
    got = found(nlp, "A study", "Our retriever keeps low prefill latency and raises answer accuracy. We evaluate "
                "open-domain question answering (QA) and report QA accuracy and answer-page recall.")
    for name in ("latency", "accuracy", "recall"):
        assert entity_key(name) not in got, name
    assert got[entity_key("prefill latency")][0] == "metric" and got[entity_key("answer-page recall")][0] == "metric"
    # one bare mention keeps the bare metric; degree words, verbs, adjectives and the evaluated system do not qualify
    for abstract in ("We raise answer accuracy. The accuracy improves by 3%.",
                     "Our models can gain accuracy from depth and reach 91% on the test set.",
                     "The method achieves higher accuracy and greater latency savings.",
                     "The system has high predictive accuracy on two datasets.",
                     "The classifier accuracy is 0.88 on held-out data.",
                     "We improve part-of-speech tagging accuracy."):
        got = found(nlp, "A study", abstract)
        assert got.get(entity_key("accuracy"), ("",))[0] == "metric", abstract

# --- Round 26 (method precision) ----------------------------------------------------------------------


def test_an_activity_named_as_automated_is_the_task_the_automation_serves(nlp) -> None:
    got = found(nlp, "A study", "Automated Program Repair (APR) remains hard. Automatic Heuristic Design (AHD) is costly.")
    assert got[entity_key("Automated Program Repair")][0] == "task"
    assert got[entity_key("Automatic Heuristic Design")][0] == "task"
    got = found(nlp, "Automatic Fact-checking in English and Telugu", "We classify claims by their veracity.")
    assert got[entity_key("Automatic Fact-checking")] == ("task", False)
    # learning and prompting procedures, agents, and a title's means stay methods
    got = found(nlp, "A study", "We build on Automated Machine Learning (AutoML) and the Automatic Prompt Engineer (APE).")
    assert got[entity_key("Automated Machine Learning")][0] == "method"
    assert got[entity_key("Automatic Prompt Engineer")][0] == "method"
    got = found(nlp, "A Benchmark for LLMs with Automated Rubric Evaluation", "We present a benchmark.")
    assert got.get(entity_key("Automated Rubric Evaluation"), ("method",))[0] == "method"
    # the paper's own automated activity, proposed, is its method
    got = found(nlp, "A study", "We propose Automated Schema Matching (ASM), a pipeline that aligns tables.")
    assert got[entity_key("Automated Schema Matching")] == ("method", True)


def test_the_2_short_form_of_a_conversion_into_content_names_the_conversion_task(nlp) -> None:
    got = found(nlp, "A study", "Explanations for speech-to-text (S2T) models are rare. We explain S2T models. "
                "Text-to-SQL (T2SQL) evaluation matters, and production T2SQL agents are unevaluated.")
    assert got[entity_key("speech-to-text")][0] == "task" and entity_key("S2T") not in got
    assert got[entity_key("Text-to-SQL")][0] == "task" and entity_key("T2SQL") not in got
    got = found(nlp, "A study", "The prompt is central to text-to-image (T2I) models. As T2I models spread, we study them.")
    assert got[entity_key("text-to-image generation")][0] == "task" and entity_key("T2I") not in got
    # a named way to reason whose short form has a "2" stays the paper's method
    got = found(nlp, "A study", "We design two interventions: Slow-to-Fast (S2F) adaptive reasoning and Think-to-Match (T2M).")
    assert got[entity_key("S2F")][0] == "method" and got[entity_key("T2M")][0] == "method"

# --- Round 27 (proposed-method recall) ------------------------------------------------------------------


def test_a_method_name_ending_in_a_modifier_takes_the_kind_word_it_modifies(nlp) -> None:
    got = found(nlp, "Curriculum Guided Massive Multi Agent System Solving For Robust Long Horizon Tasks",
                "To address this, we propose a hierarchical multi-agent architecture that distributes reasoning across agents.")
    assert got[entity_key("hierarchical multi-agent architecture")] == ("method", True)
    assert entity_key("hierarchical multi-agent") not in got
    got = found(nlp, "Group Deliberation Oriented Multi-Agent Conversational Model for Complex Reasoning",
                "This paper proposes a group deliberation oriented multi-agent conversational model to address these limitations.")
    assert got[entity_key("group deliberation oriented multi-agent conversational model")] == ("method", True)
    # a name that ends in a noun keeps its written boundary: the kind word after it stays out
    got = found(nlp, "A study", "We propose deferred masking strategy, which delays the mask, and a feature cache mechanism.")
    assert got[entity_key("deferred masking")] == ("method", True)
    assert entity_key("deferred masking strategy") not in got


def test_capitalised_agent_roles_of_a_system_the_paper_builds_are_its_proposed_parts(nlp) -> None:
    abstract = ("In this study, we developed a structured agentic system that orchestrates four core agents, including a "
                "Plan Agent for codebook selection, an Update Agent for retrieval, and a set of Annotation Agents.")
    got = found(nlp, "An Agentic AI System for Communication Coding", abstract)
    for role in ("Plan Agent", "Update Agent", "Annotation Agent"):
        assert got[entity_key(role)] == ("method", True), role
    # without a sentence where the paper builds something, a capitalised agent is not taken as its part
    got = found(nlp, "A study of tool use", "Existing systems route requests to a Planner Agent and a Search Agent.")
    assert entity_key("Planner Agent") not in got and entity_key("Search Agent") not in got

# --- Round 27 (metric recall and dataset precision) ---------------------------------------------------


def test_an_acronym_counted_vaguely_before_plural_data_heads_is_a_kind_of_data_not_a_dataset(nlp) -> None:
    for abstract, word in (("The method is evaluated on five diverse NLP benchmark datasets, covering sentiment.", "NLP"),
                           ("Our approach shows good results on several SWE benchmarks with a resolution rate of 87.1%.", "SWE"),
                           ("We evaluate the models on a suite of SLU benchmarks while varying training data.", "SLU")):
        got = found(nlp, "A study", abstract)
        assert got.get(entity_key(word), ("",))[0] != "dataset", abstract
    # a name the paper uses elsewhere, a singular data head, or a plain number keep the dataset
    got = found(nlp, "A Case Study on CHILDES", "Applying the system to various English CHILDES corpora, we find trends.")
    assert got[entity_key("CHILDES")][0] == "dataset"
    got = found(nlp, "A study", "We test on several QXR benchmarks. The QXR benchmark has 500 items.")
    assert got[entity_key("QXR")][0] == "dataset"


def test_a_result_with_a_number_reports_success_correctness_and_percentage_points_measures(nlp) -> None:
    got = found(nlp, "A study", "On DafnyBench, AxDafny achieves 92.7% verification success, outperforming the baseline.")
    assert got[entity_key("verification success")][0] == "metric"
    got = found(nlp, "A study", "Experiments show that we improve selective answering with 75 percent conditional correctness.")
    assert got[entity_key("conditional correctness")][0] == "metric"
    got = found(nlp, "A study", "Storing verified queries improves first-attempt accuracy by 4.34 percentage points on BIRD.")
    assert got[entity_key("first-attempt accuracy")][0] == "metric"
    # a success or correctness word that no percentage reports is no metric; "points" after a bare percentage neither
    got = found(nlp, "A study", "The success of transformers is clear, and correctness matters. We gain 5 percentage points overall.")
    assert entity_key("success") not in got and entity_key("correctness") not in got and entity_key("points overall") not in got


def test_a_name_after_the_performance_or_a_modification_of_is_a_system_not_a_dataset(nlp) -> None:
    got = found(nlp, "A study", "We evaluate (iii) the performance of ModernBERT as an alternative to BERT for emotion classification.")
    assert got.get(entity_key("ModernBERT"), ("",))[0] != "dataset"
    got = found(nlp, "A study", "We propose a lightweight modification of MIDAS that yields further improvements in reasoning benchmarks.")
    assert got.get(entity_key("MIDAS"), ("",))[0] != "dataset"
    # results on a name, or "of" without a system word, keep the dataset reading
    got = found(nlp, "A study", "Our model reaches 91% accuracy in experiments on the FinQAX test set and 88% on SciDocz.")
    assert got[entity_key("SciDocz")][0] == "dataset"

# --- Round 27 (used-method precision and recall) ------------------------------------------------------


def test_a_known_models_release_keeps_version_tier_and_size_in_the_order_written(nlp) -> None:
    got = found(nlp, "A study", "We compare GPT-5 and Claude Sonnet 4.5, and fine-tune Qwen 2.5 32B Instruct. "
                "Gemini 2.5 Flash and Claude Opus 4 are strong.")
    for name in ("Claude Sonnet 4.5", "Qwen 2.5 32B Instruct", "Gemini 2.5 Flash", "Claude Opus 4"):
        assert got[entity_key(name)] == ("method", False), name
    assert entity_key("Claude Sonnet") not in got and entity_key("Qwen 2.5 32B") not in got
    # a count after a size, or a factor after a tier, is no version
    got = found(nlp, "A study", "We run Qwen 7B 3 runs each. Claude Sonnet 3 times faster than before.")
    assert entity_key("Qwen 7B") in got and entity_key("Claude Sonnet") in got


def test_a_verb_before_a_method_phrase_is_no_part_of_its_name(nlp) -> None:
    got = found(nlp, "A study", "CGES adaptively halts sampling once the mass is met. Finally, we analyze attention patterns. "
                "It cuts decoding steps. We compare prompting strategies. Embedders have conducted query augmentation. "
                "We score with a composite metric that encompasses filter alignment.")
    for phrase in ("halts sampling", "analyze attention", "cuts decoding", "compare prompting", "conducted query augmentation",
                   "encompasses filter"):
        assert entity_key(phrase) not in got, phrase
    assert got[entity_key("query augmentation")] == ("method", False)
    # a noun after "that" or "apply" keeps its phrase
    got = found(nlp, "A study", "We show that token sampling helps, and we apply rollout sampling to code.")
    assert got[entity_key("token sampling")][0] == "method" and got[entity_key("rollout sampling")][0] == "method"


# --- Round 27 (task recall and precision) -------------------------------------------------------------


def test_a_hyphened_manner_compound_before_a_step_says_how_it_is_done_and_is_no_task(nlp) -> None:
    got = found(nlp, "A study", "The memory supports coarse-to-fine retrieval and up-to-date retrieval. "
                "It avoids from-scratch synthesis.")
    for name in ("coarse-to-fine retrieval", "up-to-date retrieval", "from-scratch synthesis"):
        assert entity_key(name) not in got, name
    # with a task after the compound the task stays; a conversion names its task
    got = found(nlp, "A study", "We run step-by-step image retrieval and study text-to-image generation.")
    assert got[entity_key("image retrieval")][0] == "task" and entity_key("step-by-step image retrieval") not in got
    assert got[entity_key("text-to-image generation")][0] == "task"


def test_a_whole_title_phrase_that_narrows_a_known_task_is_the_papers_task(nlp) -> None:
    got = found(nlp, "An Agentic Hybrid Approach to Knowledge Graph Generation", "We build graphs from job posts.")
    assert got[entity_key("Knowledge Graph Generation")][0] == "task" and entity_key("Graph Generation") not in got
    # the abstract's known name of the task is the same entity, an alias
    (paper,) = extract_papers([Paper(id="t", title="Data Augmentation for African Machine Translation",
                                     abstract="Machine translation of low-resource languages is hard.")], nlp)
    (task,) = [e for e in paper.entities if e.type.value == "task"]
    assert task.name == "African Machine Translation" and entity_key("machine translation") in map(entity_key, task.aliases)
    # a fragment left by a qualifier ("Large", "Fast") and a manner word ("Explainable") do not narrow the task
    got = found(nlp, "Fast Online Object Tracking and Segmentation", "We track objects in videos.")
    assert entity_key("Online Object Tracking") not in got and got[entity_key("Object Tracking")][0] == "task"
    got = found(nlp, "Benchmarks for Explainable Image Captioning", "We caption images.")
    assert entity_key("Explainable Image Captioning") not in got and got[entity_key("Image Captioning")][0] == "task"


# --- Round 28 (dataset and metric precision) --------------------------------------------------------------


def test_the_title_lead_read_as_the_papers_method_is_no_dataset_where_only_context_guessed_one(nlp) -> None:
    (paper,) = extract_papers([Paper(id="t", title="LexiParam: A Bilingual Language Model for Legal Texts", abstract=(
        "Legal texts are hard to read. We train LexiParam on court rulings. "
        "The results from LexiParam show large gains over larger models."))], nlp)
    types = [e.type.value for e in paper.entities if entity_key(e.name) == entity_key("LexiParam")]
    assert types == ["method"], types
    # a title lead the title reads as data keeps its dataset reading
    got = found(nlp, "LexiBench: A Benchmark for Legal Reasoning", "We evaluate ten models on LexiBench.")
    assert got[entity_key("LexiBench")][0] == "dataset"


# --- Session 11 (proposed methods) ------------------------------------------------------------------------


def test_an_acronym_whose_long_form_is_too_long_to_be_a_name_is_named_by_its_short_form(nlp) -> None:
    (paper,) = extract_papers([Paper(id="t", title="CoilNet: Compressed Open Index Layers for Long Retrieval", abstract=(
        "We propose CoilNet (Compressed Open Index Layer Networks for Efficient Long-Context Dense Retrieval). "
        "CoilNet halves latency."))], nlp)
    (own,) = [e for e in paper.entities if entity_key(e.name) == entity_key("CoilNet")]
    assert own.proposed and own.aliases[0] == "Compressed Open Index Layer Networks for Efficient Long-Context Dense Retrieval"


def test_a_short_form_glued_to_a_word_by_a_dot_is_part_of_that_name(nlp) -> None:
    got = found(nlp, "Dr.LLM: Dynamic Layer Routing in LLMs", "Large Language Models (LLMs) waste compute. We route layers.")
    assert got[entity_key("Dr.LLM")] == ("method", True)
    assert got[entity_key("Large Language Model")] == ("method", False)


def test_a_name_framed_as_the_papers_method_stays_a_method_beside_its_datasets_longer_name(nlp) -> None:
    got = found(nlp, "MediAlign: Criteria Modeling for Medical Alignment", (
        "We introduce MediAlign, a unified alignment framework grounded in clinical criteria. "
        "We first construct MediAlign-Preference-50k, a dataset of rubrics."))
    assert got[entity_key("MediAlign")] == ("method", True)
    assert got[entity_key("MediAlign-Preference-50k")][0] == "dataset"


def test_a_capitalised_name_glued_to_the_title_by_its_colon_is_the_papers_method(nlp) -> None:
    got = found(nlp, "ASPECT:Analogical Policy Execution via Language Transfer", "We transfer policies between tasks.")
    assert got[entity_key("ASPECT")] == ("method", True)


def test_a_title_that_opens_with_the_long_form_of_the_abstracts_new_acronym_names_the_papers_method(nlp) -> None:
    got = found(nlp, "Consolidating Rewarded Perturbations for LLM Post-Training", (
        "We turn this geometry into CoRP (Consolidating Rewarded Perturbations), a gradient-free operator. CoRP is fast."))
    assert got[entity_key("Consolidating Rewarded Perturbations")] == ("method", True)
    # a known family the title opens with is used, not proposed
    got = found(nlp, "Large Language Models for Tax Law", "Large Language Models (LLMs) answer tax questions.")
    assert got[entity_key("Large Language Model")] == ("method", False)


def test_a_new_acronym_named_as_a_module_or_a_listed_innovation_is_a_part_the_paper_proposes(nlp) -> None:
    got = found(nlp, "CCL: Context Learning for Routing", (
        "We present CCL. Specifically, CCL builds context via a Relevance-Guided Context Rewriting (RGCR) module. "
        "UniTok reduces loss through two key innovations: (1) Semantic-Acoustic Primitives (SAP) provide supervision; "
        "and (2) Semantic-Acoustic Balance (SAB) adds gating."))
    for name in ("Relevance-Guided Context Rewriting", "Semantic-Acoustic Primitives", "Semantic-Acoustic Balance"):
        assert got[entity_key(name)] == ("method", True), name
    # a module of earlier work is not the paper's
    got = found(nlp, "A study", "Unlike previous work with a Gated Memory Fusion (GMF) module, we study plain attention.")
    assert got[entity_key("Gated Memory Fusion")] == ("method", False)


def test_the_last_item_of_a_listed_pair_of_proposals_is_proposed_too(nlp) -> None:
    got = found(nlp, "Are Full Rollouts Necessary for On-Policy Distillation?", (
        "Building on this insight, we propose two simple horizon-control strategies: Progressive OPD (POPD), which "
        "gradually expands the rollout horizon during training, and Truncated OPD (TOPD), which distils on reliable prefixes."))
    assert got[entity_key("Progressive OPD")] == ("method", True)
    assert got[entity_key("Truncated OPD")] == ("method", True)


def test_new_acronyms_the_papers_method_comprises_are_its_proposed_parts(nlp) -> None:
    got = found(nlp, "Learning Trade-offs in Federated Learning", (
        "We propose HetPFL to learn Pareto fronts. HetPFL comprises Preference Sampling Adaptation (PSA) and "
        "Preference-aware Hypernet Fusion (PHF). Role-Agent comprises two components: World-In-Agent (WIA) and "
        "Agent-In-World (AIW)."))
    for name in ("Preference Sampling Adaptation", "Preference-aware Hypernet Fusion", "World-In-Agent", "Agent-In-World"):
        assert got[entity_key(name)] == ("method", True), name
    # a known method the paper's approach integrates is used, not proposed
    got = found(nlp, "A Study", "Our approach integrates (1) supervised fine-tuning and (2) Reinforcement Learning with AI Feedback (RLAIF).")
    assert got[entity_key("Reinforcement Learning with AI Feedback")] == ("method", False)
